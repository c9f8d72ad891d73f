package dev.flowbench.schema.flow;

import dev.flowbench.schema.plugin.PluginProperty;
import java.util.List;
import java.util.Map;

/**
 * The shape of an environment file ({@code environments/<name>.yaml}): instance, tenant and namespace level
 * pluginDefaults and where secrets come from.
 */
public record EnvironmentDefinition(
        @PluginProperty(description = "What this environment is for, e.g. \"local development with Docker\".")
        String description,

        @PluginProperty(
                description =
                        "Instance-level defaults, applied to every flow run in this environment (lowest precedence, highest when forced).")
        List<PluginDefault> pluginDefaults,

        @PluginProperty(description = "Tenant-level defaults by tenant id.")
        Map<String, Scope> tenants,

        @PluginProperty(
                description = "Namespace-level defaults by namespace; `company.team` also inherits `company`'s.")
        Map<String, Scope> namespaces,

        @PluginProperty(description = "Where `{{ secret('NAME') }}` values come from.")
        Secrets secrets,

        @PluginProperty(description = "The tenant flows run as in this environment.")
        String tenant) {

    /** Defaults that apply to one tenant or namespace. */
    public record Scope(
            @PluginProperty(description = "Defaults of this tenant or namespace.")
            List<PluginDefault> pluginDefaults) {}

    /** The secret sources of an environment. */
    public record Secrets(
            @PluginProperty(
                    description = "A `KEY=value` file relative to the workspace, readable by its owner only.",
                    examples = {"secrets/dev.env"})
            String file,

            @PluginProperty(
                    description =
                            "Also read `SECRET_<NAME>` environment variables holding base64 values, as Kestra's open-source edition does.",
                    defaultValue = "true")
            Boolean env) {}
}

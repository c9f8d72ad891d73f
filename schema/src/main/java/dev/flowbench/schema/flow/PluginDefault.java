package dev.flowbench.schema.flow;

import dev.flowbench.schema.plugin.PluginProperty;
import java.util.Map;

/** One pluginDefaults entry: values applied to every plugin whose type equals or starts with {@code type}. */
public record PluginDefault(
        @PluginProperty(
                description =
                        "A plugin type or a prefix of types: `io.kestra.plugin.scripts` applies to every script task.",
                required = true,
                examples = {"io.kestra.plugin.scripts", "io.kestra.plugin.ee.aws.runner.Batch"})
        String type,

        @PluginProperty(
                description = "When true, these values override what the task itself writes.",
                defaultValue = "false")
        Boolean forced,

        @PluginProperty(
                description = "The property values to apply; maps merge deeply, lists are concatenated.",
                required = true)
        Map<String, Object> values) {}

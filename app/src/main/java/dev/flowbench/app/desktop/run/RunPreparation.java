package dev.flowbench.app.desktop.run;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.environment.Secrets;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a flow's text into a request the engine accepts, exactly as the command line does: validated in its
 * environment (errors stop it), pluginDefaults applied, the environment's secrets loaded for masking.
 */
final class RunPreparation {
    private RunPreparation() {}

    /** A request ready to run, or the reason it is not. */
    record Prepared(FlowRun run, List<Diagnostic> errors, String problem) {
        boolean ok() {
            return run != null;
        }
    }

    /** A declared input of a flow, for the inputs form. */
    record InputField(String id, String type, String defaultValue, boolean required) {}

    static Prepared prepare(Path workspace, String source, String environment, PluginRegistry registry) {
        ValidationContext context = ValidationContext.none();
        Secrets secrets = Secrets.none();
        if (environment != null) {
            try {
                context = EnvironmentContexts.of(workspace, environment);
                secrets = context.source().secrets(workspace);
            } catch (UncheckedIOException missing) {
                return new Prepared(null, List.of(), missing.getMessage());
            }
        }
        YamlDocument document = YamlDocument.parse(source);
        List<Diagnostic> errors = new FlowValidator(registry)
                .validateFlow(document, context).stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .toList();
        if (!errors.isEmpty()) {
            return new Prepared(
                    null,
                    errors,
                    "The flow has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                            + "; nothing was run");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : secrets.names()) {
            secrets.value(name).ifPresent(value -> values.put(name, value));
        }
        FlowRun run =
                FlowRun.of(context.merge(document).flow()).withSource(source).withSecrets(values);
        return new Prepared(environment == null ? run : run.withEnvironment(environment), List.of(), null);
    }

    /** The {@code inputs} a flow declares (best effort on a broken flow: what can be read). */
    static List<InputField> inputs(String source) {
        Object root = YamlDocument.parse(source).root();
        var fields = new ArrayList<InputField>();
        if (root instanceof Map<?, ?> flow && flow.get("inputs") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> input && input.get("id") != null) {
                    Object defaults = input.get("defaults");
                    Object required = input.get("required");
                    fields.add(new InputField(
                            input.get("id").toString(),
                            input.get("type") == null
                                    ? "STRING"
                                    : input.get("type").toString(),
                            defaults == null ? "" : defaults.toString(),
                            !"false".equals(String.valueOf(required)) && defaults == null));
                }
            }
        }
        return fields;
    }
}

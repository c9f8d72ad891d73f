package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.engine.FlowRun;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.environment.Secrets;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a flow for running or planning: validated in its environment (errors stop here, printed like
 * {@code flowbench validate}), pluginDefaults applied, and the environment's secrets loaded.
 */
final class FlowLoader {
    private FlowLoader() {}

    /** A flow ready for the engine, and the workspace it belongs to. */
    record Loaded(Path workspace, FlowRun run) {}

    static Loaded load(Path flow, String environment, WorkspaceOptions options, PrintWriter err) {
        if (!Files.isRegularFile(flow)) {
            throw new UserError("no such file: " + flow);
        }
        String source;
        try {
            source = new String(Files.readAllBytes(flow), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UserError("cannot read " + flow + ": " + unreadable.getMessage());
        }
        Path workspace = options.workspaceOf(flow);
        ValidationContext context = ValidationContext.none();
        Secrets secrets = Secrets.none();
        if (environment != null) {
            try {
                context = EnvironmentContexts.of(workspace, environment);
                secrets = context.source().secrets(workspace);
            } catch (java.io.UncheckedIOException missing) {
                throw new UserError(missing.getMessage());
            }
        }
        YamlDocument document = YamlDocument.parse(source);
        List<Diagnostic> errors = new FlowValidator(options.registry(workspace))
                .validateFlow(document, context).stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .toList();
        if (!errors.isEmpty()) {
            for (Diagnostic d : errors) {
                err.println((d.source() == null ? flow.toString() : d.source()) + ":"
                        + d.range().start().toDisplayString() + ": error: " + d.message() + " [" + d.code() + "]");
            }
            throw new UserError(
                    flow + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; nothing was run",
                    FlowbenchCommand.FAILED);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : secrets.names()) {
            secrets.value(name).ifPresent(value -> values.put(name, value));
        }
        FlowRun run =
                FlowRun.of(context.merge(document).flow()).withSource(source).withSecrets(values);
        if (environment != null) {
            run = run.withEnvironment(environment);
        }
        return new Loaded(workspace, run);
    }

    /** The {@code key=value} options as a map; a malformed one is a {@link UserError}. */
    static Map<String, String> inputs(List<String> pairs) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UserError("--input takes key=value, not '" + pair + "'");
            }
            inputs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return inputs;
    }
}

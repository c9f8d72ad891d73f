package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Validation of files of one workspace in one environment: the registry and context are loaded once. */
final class ValidationSession {
    private final FlowValidator validator;
    private final ValidationContext context;
    private final List<Diagnostic> environmentWarnings;

    private ValidationSession(
            FlowValidator validator, ValidationContext context, List<Diagnostic> environmentWarnings) {
        this.validator = validator;
        this.context = context;
        this.environmentWarnings = environmentWarnings;
    }

    /** What loading the environment found wrong (its secrets file), each naming its file. */
    List<Diagnostic> environmentWarnings() {
        return environmentWarnings;
    }

    /** Opens a session; an unknown environment name is a {@link UserError} listing the known ones. */
    static ValidationSession open(Path workspace, String environment, WorkspaceOptions options) {
        var validator = new FlowValidator(options.registry(workspace));
        if (environment == null) {
            return new ValidationSession(validator, ValidationContext.none(), List.of());
        }
        try {
            var loaded = EnvironmentContexts.load(workspace, environment);
            return new ValidationSession(validator, loaded.context(), loaded.secretWarnings());
        } catch (java.io.UncheckedIOException missing) {
            throw new UserError(missing.getMessage());
        }
    }

    /** The diagnostics of {@code file}; a file that cannot be read is reported as one diagnostic-free error. */
    List<Diagnostic> validate(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException unreadable) {
            throw new UserError("cannot read " + file + ": " + unreadable.getMessage());
        }
        YamlDocument document = YamlDocument.parse(bytes);
        boolean environmentFile = file.toAbsolutePath().getParent() != null
                && file.toAbsolutePath().getParent().getFileName() != null
                && file.toAbsolutePath().getParent().getFileName().toString().equals("environments");
        return environmentFile ? validator.validateEnvironment(document) : validator.validateFlow(document, context);
    }

    static List<String> environmentNames(Path workspace) {
        try (Stream<Path> files = Files.list(workspace.resolve("environments"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException none) {
            return List.of();
        }
    }
}

package dev.flowbench.app.workspace;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.environment.Secrets;
import dev.flowbench.schema.validation.ValidationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Builds the validation context of a workspace environment: its pluginDefaults and the secret names it knows. */
public final class EnvironmentContexts {
    private EnvironmentContexts() {}

    /** An environment ready for validation, and what reading its secrets found wrong (never a value). */
    public record Loaded(ValidationContext context, List<Diagnostic> secretWarnings) {}

    /**
     * The context of {@code environment} in {@code workspace}. When the environment can supply no secret at
     * all (no secrets file yet, no {@code SECRET_} variable), secrets are left unchecked and the missing file
     * is one warning instead of one per secret.
     *
     * @throws UncheckedIOException with a one-line message when the environment does not exist
     */
    public static Loaded load(Path workspace, String environment) {
        try {
            Environment loaded = Environment.load(workspace, environment);
            Secrets secrets = loaded.secrets(workspace);
            boolean unknown = secrets.names().isEmpty()
                    && secrets.warnings().stream().anyMatch(w -> w.code().equals(Secrets.FILE_MISSING));
            var context = new ValidationContext(loaded.name(), unknown ? null : secrets.names(), loaded);
            return new Loaded(context, secrets.warnings());
        } catch (IOException missing) {
            throw new UncheckedIOException(missing.getMessage(), missing);
        }
    }

    /** The context of {@code environment} in {@code workspace}; see {@link #load}. */
    public static ValidationContext of(Path workspace, String environment) {
        return load(workspace, environment).context();
    }
}

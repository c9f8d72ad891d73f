package dev.flowbench.schema.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one property of a plugin (a record component or field); all text is markdown.
 *
 * <p>Properties without this annotation are still part of the schema, but without docs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface PluginProperty {
    /** Markdown description; the first sentence is the one-line summary. */
    String description();

    /** Short title shown in tables; empty means derived from the name. */
    String title() default "";

    /** The default value as it would be written in YAML ("IF_NOT_PRESENT", "true", "PT1H"), or empty. */
    String defaultValue() default "";

    /** Whether the property must be present once pluginDefaults are applied. */
    boolean required() default false;

    /** Whether the value may contain {@code {{ }}} expressions rendered at run time. */
    boolean dynamic() default false;

    /** Non-empty when deprecated: what to use instead, e.g. "caCertData". */
    String deprecated() default "";

    /** Other accepted names of this property (older spellings). */
    String[] aliases() default {};

    /** Group shown in docs and completion ("Connection", "Resources", …), or empty. */
    String group() default "";

    /** A regular expression string values must match (ignored for expressions), or empty. */
    String pattern() default "";

    /** Human explanation of {@link #pattern()}, e.g. "a size such as 512Mi, 512m or 1g". */
    String patternHint() default "";

    /** Example values shown in completion and docs. */
    String[] examples() default {};
}

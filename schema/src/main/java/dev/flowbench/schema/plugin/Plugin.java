package dev.flowbench.schema.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a Flowbench plugin: the single source of its type id, docs, icon and examples.
 *
 * <p>The class must also implement one of the slot interfaces ({@link TaskPlugin}, {@link RunnerPlugin},
 * {@link TriggerPlugin}); that decides where in a flow it may appear. A record is the ideal shape: each
 * component is a property, documented with {@link PluginProperty}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Plugin {
    /** The type id written in flows; empty means the class's fully qualified name. */
    String id() default "";

    /** Older type ids that still resolve to this plugin (reported as deprecated when used). */
    String[] aliases() default {};

    /** A short human title, e.g. "Docker task runner". */
    String title();

    /** Markdown description; the first sentence is used as the one-line summary. */
    String description();

    /** Path of an SVG icon inside the plugin's own JAR (class path resource), or empty. */
    String icon() default "";

    /** Full YAML examples, shown in docs and offered by the editor. */
    Example[] examples() default {};

    /** Marks the whole plugin as deprecated; the text says what to use instead. */
    String deprecated() default "";
}

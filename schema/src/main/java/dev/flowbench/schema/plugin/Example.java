package dev.flowbench.schema.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One documented usage example of a plugin: a title and a complete YAML snippet. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Example {
    /** What the example shows, in one line. */
    String title();

    /** The YAML, usually a complete flow; full = true means it validates as a flow on its own. */
    String code();

    /** Whether {@link #code()} is a complete flow rather than a fragment. */
    boolean full() default true;
}

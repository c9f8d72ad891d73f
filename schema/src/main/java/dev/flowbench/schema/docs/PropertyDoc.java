package dev.flowbench.schema.docs;

import java.util.List;

/**
 * One row of a plugin's properties table.
 *
 * @param name the dotted path below the plugin, e.g. {@code memory.memory}
 * @param type a human type label ("string", "integer", "list of string", "task runner", …)
 * @param defaultValue the default as YAML text, or empty
 * @param enumValues the accepted values of an enum property; empty otherwise
 * @param replacedBy non-empty when deprecated: what to use instead
 */
public record PropertyDoc(
        String name,
        String type,
        String defaultValue,
        boolean required,
        boolean dynamic,
        List<String> enumValues,
        String description,
        String group,
        String replacedBy,
        String patternHint) {}

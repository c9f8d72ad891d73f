package dev.flowbench.editor.language;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.ValueOrigin;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.JsonPointers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hover lines telling what pluginDefaults do to a plugin instance: for a property, its effective value and
 * the default it comes from when that is not what the task writes; for a {@code type:}, every value the
 * instance receives from defaults with its origin. Empty text when defaults change nothing.
 */
final class EffectiveValues {
    private static final int MAX_LINES = 12;

    /** The effective value of the property at {@code path} when a default decides it, or empty text. */
    String forProperty(Analysis analysis, ValidationContext context, List<String> path) {
        MergedFlow merged = merged(analysis, context);
        if (merged == null) {
            return "";
        }
        String pointer = JsonPointers.of(path.toArray(String[]::new));
        Optional<ValueOrigin> origin = merged.origin(pointer);
        Object value = EffectiveValues.valueAt(merged.flow(), path);
        if (origin.isEmpty() || origin.get().fromFlow() || value instanceof Map<?, ?>) {
            return "";
        }
        return "\n\nEffective value" + where(context) + ": `" + show(value) + "` — from "
                + origin.get().describe() + ", which overrides what is written here";
    }

    /** The values the instance at {@code path} receives from pluginDefaults, with their origins; or empty text. */
    String forInstance(Analysis analysis, ValidationContext context, List<String> path) {
        MergedFlow merged = merged(analysis, context);
        if (merged == null) {
            return "";
        }
        var lines = new StringBuilder();
        int[] count = {0};
        leaves(merged, valueAt(merged.flow(), path), JsonPointers.of(path.toArray(String[]::new)), "", lines, count);
        if (lines.isEmpty()) {
            return "";
        }
        if (count[0] > MAX_LINES) {
            lines.append("\n- … and ").append(count[0] - MAX_LINES).append(" more");
        }
        return "\n\nFrom pluginDefaults" + where(context) + ":" + lines;
    }

    /**
     * The merged flow if validation already merged it, else null: merging a large flow costs as much as
     * validating it, too much for a hover, so hovers show effective values once the text has been validated
     * (which editors and the language server do after every edit).
     */
    private static MergedFlow merged(Analysis analysis, ValidationContext context) {
        return context == null ? null : analysis.mergedIfReady(context);
    }

    private static void leaves(
            MergedFlow merged, Object value, String pointer, String name, StringBuilder out, int[] count) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                leaves(
                        merged,
                        entry.getValue(),
                        JsonPointers.child(pointer, key),
                        name.isEmpty() ? key : name + "." + key,
                        out,
                        count);
            }
            return;
        }
        Optional<ValueOrigin> origin = merged.origin(pointer);
        if (origin.isEmpty() || origin.get().fromFlow() || name.isEmpty()) {
            return;
        }
        if (count[0]++ < MAX_LINES) {
            out.append("\n- `")
                    .append(name)
                    .append("`: `")
                    .append(show(value))
                    .append("` — ")
                    .append(origin.get().describe());
        }
    }

    private static String where(ValidationContext context) {
        return context.environment() == null ? "" : " in environment `" + context.environment() + "`";
    }

    private static String show(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    /** The value at {@code path} in a JSON-like tree, or null. */
    static Object valueAt(Object root, List<String> path) {
        Object current = root;
        for (String segment : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list
                    && !segment.isEmpty()
                    && segment.length() < 9
                    && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}

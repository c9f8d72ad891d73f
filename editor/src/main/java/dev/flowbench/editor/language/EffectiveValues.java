package dev.flowbench.editor.language;

import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hover lines telling what pluginDefaults change: the effective value of a property when it differs from
 * what is written, and the values an instance receives without writing them. Empty text when defaults change
 * nothing (or there is no environment), so hovers stay short.
 */
final class EffectiveValues {
    private static final int MAX_LINES = 12;

    /** The effective-value line of the property at {@code path}, or empty text. */
    String forProperty(Analysis analysis, ValidationContext context, List<String> path) {
        if (context == null) {
            return "";
        }
        Object effective = valueAt(analysis.effectiveFlow(context), path);
        Object written =
                analysis.document().node(pointer(path)).map(YamlNode::value).orElse(null);
        if (effective == null || Objects.equals(effective, written)) {
            return "";
        }
        return "\n\nEffective value" + where(context) + ": `" + show(effective) + "` (from pluginDefaults, which"
                + " override this one)";
    }

    /** The lines listing what pluginDefaults add to the instance at {@code path}, or empty text. */
    String forInstance(Analysis analysis, ValidationContext context, List<String> path) {
        if (context == null) {
            return "";
        }
        Object effective = valueAt(analysis.effectiveFlow(context), path);
        Object written =
                analysis.document().node(pointer(path)).map(YamlNode::value).orElse(null);
        if (!(effective instanceof Map<?, ?> values) || Objects.equals(effective, written)) {
            return "";
        }
        var lines = new StringBuilder();
        int[] count = {0};
        differences("", values, written instanceof Map<?, ?> map ? map : Map.of(), lines, count);
        if (lines.isEmpty()) {
            return "";
        }
        return "\n\nFrom pluginDefaults" + where(context) + ":\n" + lines;
    }

    private static void differences(
            String prefix, Map<?, ?> effective, Map<?, ?> written, StringBuilder out, int[] count) {
        for (var entry : effective.entrySet()) {
            String key = prefix + entry.getKey();
            Object mine = written.get(entry.getKey());
            if (Objects.equals(entry.getValue(), mine)) {
                continue;
            }
            if (entry.getValue() instanceof Map<?, ?> nested && (mine == null || mine instanceof Map<?, ?>)) {
                differences(key + ".", nested, mine == null ? Map.of() : (Map<?, ?>) mine, out, count);
                continue;
            }
            if (count[0]++ < MAX_LINES) {
                out.append("\n- `")
                        .append(key)
                        .append("`: `")
                        .append(show(entry.getValue()))
                        .append('`');
            }
        }
    }

    private static String where(ValidationContext context) {
        return context.environment() == null ? "" : " in environment `" + context.environment() + "`";
    }

    private static String show(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static String pointer(List<String> path) {
        return JsonPointers.of(path.toArray(String[]::new));
    }

    /** The value at {@code path} in a JSON-like tree, or null. */
    static Object valueAt(Object root, List<String> path) {
        Object current = root;
        for (String segment : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list
                    && segment.chars().allMatch(Character::isDigit)
                    && !segment.isEmpty()
                    && segment.length() < 9) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}

package dev.flowbench.app.cli;

import dev.flowbench.schema.defaults.EffectiveTask;
import dev.flowbench.schema.defaults.ValueOrigin;
import dev.flowbench.schema.yaml.JsonPointers;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a task's effective configuration as YAML with a comment on each value saying where it came from. */
final class OriginYamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/$][\\w ./:@${}()'=,+*-]*");
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-f]+|\\.nan|[-+]?\\.inf|");

    private final StringBuilder out = new StringBuilder();
    private final EffectiveTask task;

    private OriginYamlWriter(EffectiveTask task) {
        this.task = task;
    }

    /** The task's values as YAML, one origin comment per leaf value. */
    static String write(EffectiveTask task) {
        var writer = new OriginYamlWriter(task);
        writer.map(task.values(), "", 0);
        return writer.out.toString();
    }

    private void map(Map<?, ?> map, String pointer, int indent) {
        for (var entry : map.entrySet()) {
            String child = JsonPointers.child(pointer, String.valueOf(entry.getKey()));
            String key = " ".repeat(indent) + scalar(String.valueOf(entry.getKey())) + ":";
            value(entry.getValue(), child, indent, key);
        }
    }

    private void list(List<?> list, String pointer, int indent) {
        for (int i = 0; i < list.size(); i++) {
            String child = JsonPointers.child(pointer, i);
            Object item = list.get(i);
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                // "- first: value" then the other keys indented under it
                boolean first = true;
                for (var entry : map.entrySet()) {
                    String prefix = first ? " ".repeat(indent) + "- " : " ".repeat(indent + 2);
                    first = false;
                    String grandChild = JsonPointers.child(child, String.valueOf(entry.getKey()));
                    value(
                            entry.getValue(),
                            grandChild,
                            indent + 2,
                            prefix + scalar(String.valueOf(entry.getKey())) + ":");
                }
            } else {
                value(item, child, indent, " ".repeat(indent) + "-");
            }
        }
    }

    private void value(Object value, String pointer, int indent, String head) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append(head).append('\n');
            map(map, pointer, indent + 2);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append(head).append('\n');
            list(list, pointer, indent + 2);
        } else {
            out.append(head)
                    .append(' ')
                    .append(leaf(value))
                    .append("  # ")
                    .append(origin(pointer))
                    .append('\n');
        }
    }

    private String origin(String pointer) {
        return task.origin(pointer).map(ValueOrigin::describe).orElse("unknown");
    }

    private static String leaf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof String text) {
            return scalar(text);
        }
        return String.valueOf(value);
    }

    /** {@code text} as a YAML scalar: plain when unambiguous, else double-quoted with escapes. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches()
                && !SPECIAL.matcher(text).matches()
                && !text.contains(": ")
                && !text.contains(" #")
                && !text.endsWith(" ")
                && !text.contains("{{")) {
            return text;
        }
        var quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

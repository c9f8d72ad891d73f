package dev.flowbench.runner;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a runner would submit for a request, as a JSON-like tree (maps, lists, strings, numbers, booleans),
 * with secrets masked; {@link #render()} prints it as YAML-like text for the command line and the app.
 *
 * @param runner the runner's name, e.g. "Docker"
 * @param summary one line saying what would happen, e.g. "creates a container from local/busybox:1"
 * @param spec the submission: container create request, pod spec, job definition…
 */
public record RunPlan(String runner, String summary, Map<String, Object> spec) {

    public RunPlan {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(summary, "summary");
        spec = spec == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }

    /** A plan for {@code runner} submitting {@code spec}. */
    public static RunPlan of(String runner, String summary, Map<String, Object> spec) {
        return new RunPlan(runner, summary, spec);
    }

    /** This plan with every string in it masked by {@code masker}. */
    @SuppressWarnings("unchecked")
    public RunPlan masked(SecretMasker masker) {
        return new RunPlan(runner, masker.mask(summary), (Map<String, Object>) masker.maskTree(spec));
    }

    /** The plan as indented YAML-like text ending with a newline; never null. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("runner: ").append(runner).append('\n');
        out.append("# ").append(summary).append('\n');
        renderMap(spec, 0, out);
        return out.toString();
    }

    private static void renderMap(Map<?, ?> map, int indent, StringBuilder out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.repeat(' ', indent).append(entry.getKey()).append(':');
            renderValue(entry.getValue(), indent, out);
        }
    }

    private static void renderValue(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                renderMap(map, indent + 2, out);
            }
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
                return;
            }
            out.append('\n');
            for (Object item : list) {
                out.repeat(' ', indent + 2).append('-');
                if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    renderValue(item, indent + 2, out);
                } else {
                    out.append(' ').append(scalar(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (value instanceof Number || value instanceof Boolean) {
            return text;
        }
        boolean plain = !text.isEmpty()
                && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-@=+,:".indexOf(c) >= 0)
                && !text.contains(": ")
                && !text.endsWith(":")
                && !List.of("true", "false", "null", "yes", "no").contains(text);
        if (plain) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

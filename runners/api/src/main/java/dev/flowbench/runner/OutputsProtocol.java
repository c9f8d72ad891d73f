package dev.flowbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kestra's script output protocol: a stdout line {@code ::{"outputs":{…}}::} sets task outputs, a line
 * {@code ::{"metrics":[…]}::} records metrics; every other line is an ordinary log line.
 */
public final class OutputsProtocol {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutputsProtocol() {}

    /**
     * What one protocol line carries.
     *
     * @param outputs output values set by the line (possibly empty)
     * @param metrics metrics recorded by the line (possibly empty)
     */
    public record Message(Map<String, Object> outputs, List<Metric> metrics) {}

    /**
     * The message carried by {@code line}, or null when it is an ordinary log line (including a line that
     * looks like the protocol but holds invalid JSON, which is then logged as is).
     */
    public static Message parse(String line) {
        String text = line.strip();
        if (text.length() < 6 || !text.startsWith("::{") || !text.endsWith("}::")) {
            return null;
        }
        Object parsed;
        try {
            parsed = JSON.readValue(text.substring(2, text.length() - 2), Object.class);
        } catch (JacksonException e) {
            return null;
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.containsKey("outputs") || root.containsKey("metrics"))) {
            return null;
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (root.get("outputs") instanceof Map<?, ?> values) {
            values.forEach((k, v) -> outputs.put(String.valueOf(k), v));
        }
        List<Metric> metrics = new ArrayList<>();
        if (root.get("metrics") instanceof List<?> list) {
            for (Object item : list) {
                Metric metric = metric(item);
                if (metric != null) {
                    metrics.add(metric);
                }
            }
        }
        return new Message(outputs, metrics);
    }

    private static Metric metric(Object item) {
        if (!(item instanceof Map<?, ?> map)
                || !(map.get("name") instanceof String name)
                || !(map.get("value") instanceof Number value)) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (map.get("tags") instanceof Map<?, ?> t) {
            t.forEach((k, v) -> tags.put(String.valueOf(k), String.valueOf(v)));
        }
        Object type = map.get("type");
        return new Metric(name, type == null ? null : type.toString(), value.doubleValue(), tags);
    }
}

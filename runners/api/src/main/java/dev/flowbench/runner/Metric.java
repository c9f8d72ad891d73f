package dev.flowbench.runner;

import java.util.Map;
import java.util.Objects;

/**
 * A metric recorded by a task with the {@code ::{"metrics":[{"name":…,"type":"counter","value":…}]}::} protocol.
 *
 * @param name the metric's name
 * @param type {@code counter} or {@code timer}, as in Kestra
 * @param value the value (seconds for timers)
 * @param tags optional tags
 */
public record Metric(String name, String type, double value, Map<String, String> tags) {
    public Metric {
        Objects.requireNonNull(name, "name");
        type = type == null ? "counter" : type;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}

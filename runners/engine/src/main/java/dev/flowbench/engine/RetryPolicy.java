package dev.flowbench.engine;

import java.time.Duration;
import java.util.Map;

/**
 * A task's {@code retry}: how many attempts, how long to wait between them (constant, or exponential with
 * {@code delayFactor} up to {@code maxInterval}), and how long retrying may go on ({@code maxDuration}).
 */
record RetryPolicy(
        boolean exponential,
        Duration interval,
        int maxAttempts,
        Duration maxDuration,
        double delayFactor,
        Duration maxInterval,
        boolean warningOnRetry) {

    static final RetryPolicy NONE = new RetryPolicy(false, Duration.ZERO, 1, null, 2, null, false);

    /** The policy of a task's rendered {@code retry} map, or {@link #NONE}; throws FlowException when malformed. */
    static RetryPolicy of(Object retry) {
        if (!(retry instanceof Map<?, ?> map)) {
            return NONE;
        }
        String type = String.valueOf(map.get("type"));
        if (!type.equals("constant") && !type.equals("exponential")) {
            throw new FlowException("retry type must be constant or exponential, not '" + type + "'");
        }
        Object attempts = map.containsKey("maxAttempts") ? map.get("maxAttempts") : map.get("maxAttempt");
        int maxAttempts = attempts == null
                ? (map.get("maxDuration") == null ? 2 : Integer.MAX_VALUE)
                : Integer.parseInt(attempts.toString());
        return new RetryPolicy(
                type.equals("exponential"),
                duration(map.get("interval"), Duration.ofSeconds(1)),
                Math.max(1, maxAttempts),
                duration(map.get("maxDuration"), null),
                map.get("delayFactor") == null
                        ? 2.0
                        : Double.parseDouble(map.get("delayFactor").toString()),
                duration(map.get("maxInterval"), null),
                Boolean.parseBoolean(String.valueOf(map.get("warningOnRetry"))));
    }

    /** The wait before attempt {@code next} (2 for the first retry). */
    Duration delayBefore(int next) {
        if (!exponential) {
            return interval;
        }
        double millis = interval.toMillis() * Math.pow(delayFactor, next - 2);
        Duration delay = Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
        return maxInterval != null && delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
    }

    /** Whether attempt {@code next} may start, {@code elapsed} after the first one started, after its delay. */
    boolean allows(int next, Duration elapsed) {
        if (next > maxAttempts) {
            return false;
        }
        return maxDuration == null || elapsed.plus(delayBefore(next)).compareTo(maxDuration) <= 0;
    }

    static Duration duration(Object value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Duration d) {
            return d;
        }
        try {
            return Duration.parse(value.toString().strip());
        } catch (RuntimeException e) {
            throw new FlowException("'" + value + "' is not an ISO-8601 duration such as PT30S");
        }
    }
}

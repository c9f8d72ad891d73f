package dev.flowbench.engine.history;

import java.time.Duration;

/**
 * How much history to keep: executions older than {@code maxAge} are pruned, and of each flow only the
 * {@code keepPerFlow} most recent executions are kept. Either limit may be null to disable it.
 */
public record Retention(Duration maxAge, Integer keepPerFlow) {

    /** The default: 30 days, at most 200 executions per flow. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(30), 200);
}

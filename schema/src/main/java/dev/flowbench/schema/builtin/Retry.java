package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.PluginProperty;
import java.time.Duration;

/** How a failed task attempt is retried: a constant or exponentially growing delay, bounded in count and time. */
public record Retry(
        @PluginProperty(
                description =
                        "`constant` waits `interval` between attempts; `exponential` multiplies it by `delayFactor` each time.",
                required = true)
        RetryType type,

        @PluginProperty(
                description = "Delay before the next attempt (the first delay for `exponential`), ISO-8601.",
                required = true,
                examples = {"PT10S"})
        Duration interval,

        @PluginProperty(
                description = "Maximum number of attempts, the first one included.",
                examples = {"3"})
        Integer maxAttempts,

        @PluginProperty(description = "Give up once this much time has passed since the first attempt, ISO-8601.")
        Duration maxDuration,

        @PluginProperty(description = "Multiplier of the delay for `exponential` retries.", defaultValue = "2")
        Double delayFactor,

        @PluginProperty(description = "Upper bound of the delay for `exponential` retries, ISO-8601.")
        Duration maxInterval,

        @PluginProperty(
                description = "Warn instead of fail when the task eventually succeeds after retries.",
                defaultValue = "false")
        Boolean warningOnRetry) {

    /** The retry strategies. */
    public enum RetryType {
        constant,
        exponential
    }
}

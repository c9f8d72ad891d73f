package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void exponentialDelayGrowsByTheFactorUpToMaxInterval() {
        RetryPolicy policy = RetryPolicy.of(Map.of(
                "type", "exponential", "interval", "PT1S", "delayFactor", 3, "maxInterval", "PT5S", "maxAttempts", 10));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void maxDurationStopsRetryingEvenWithAttemptsLeft() {
        RetryPolicy policy = RetryPolicy.of(Map.of("type", "constant", "interval", "PT10S", "maxDuration", "PT15S"));
        assertThat(policy.allows(2, Duration.ofSeconds(1))).isTrue();
        assertThat(policy.allows(3, Duration.ofSeconds(11))).isFalse();
    }

    @Test
    void kestrasSingularMaxAttemptIsAccepted() {
        assertThat(RetryPolicy.of(Map.of("type", "constant", "interval", "PT1S", "maxAttempt", 4))
                        .maxAttempts())
                .isEqualTo(4);
    }
}

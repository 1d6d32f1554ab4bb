package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1));

    @Test
    void backoffWhenRetriesGrowThenDoublesUpToTheCap() {
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(60, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoffWhenJitterThenTakesUpToThatFractionOff() {
        assertThat(policy.backoff(2, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
    }

    @Test
    void constructorWhenNoAttemptThenRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts must be at least 1");
    }

    @Test
    void constructorWhenJitterAboveOneThenRefused() {
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.5, Duration.ofMillis(1)))
                .hasMessageContaining("jitter must be between 0 and 1");
    }
}

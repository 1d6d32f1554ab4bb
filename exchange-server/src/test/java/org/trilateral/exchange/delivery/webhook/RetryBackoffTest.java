package org.trilateral.exchange.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Capped exponential backoff with full jitter, and {@code Retry-After} within the cap. */
class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2);

    @Test
    void delayWhenAttemptsGrowThenTheCapDoublesUpToMaxDelay() {
        assertThat(backoff.delay(1, 0.999999)).isEqualTo(Duration.ofMillis(999));
        assertThat(backoff.delay(2, 0.999999)).isEqualTo(Duration.ofMillis(1999));
        assertThat(backoff.delay(4, 0.999999)).isEqualTo(Duration.ofMillis(7999));
        assertThat(backoff.delay(30, 0.999999)).isEqualTo(Duration.ofMillis(59999));
        assertThat(backoff.delay(10_000, 0.999999)).isEqualTo(Duration.ofMillis(59999));
    }

    @Test
    void delayWhenJitteredThenAnywhereFromZeroToTheCap() {
        assertThat(backoff.delay(3, 0)).isZero();
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void honourWhenRetryAfterBeyondMaxDelayThenMaxDelay() {
        assertThat(backoff.honour(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.honour(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(1));
    }
}

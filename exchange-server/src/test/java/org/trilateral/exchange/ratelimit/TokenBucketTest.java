package org.trilateral.exchange.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void takeWhenBurstUsedThenWaitUntilTheNextTokenAndRefillsWithTime() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(2, 3), START);

        assertThat(bucket.take(START)).isZero();
        assertThat(bucket.take(START)).isZero();
        assertThat(bucket.take(START)).isZero();
        assertThat(bucket.take(START)).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.take(START.plusMillis(500))).isZero();
    }

    @Test
    void takeWhenIdleLongThenNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(10, 2), START);
        Instant later = START.plus(Duration.ofHours(1));

        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isPositive();
    }
}

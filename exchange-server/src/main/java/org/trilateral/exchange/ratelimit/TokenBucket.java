package org.trilateral.exchange.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}; each request takes one. Thread
 * safe. Time comes from the caller, so tests drive it with their own clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant refilled;

    TokenBucket(RateLimitProperties.Limit limit, Instant now) {
        this.capacity = limit.burst();
        this.perSecond = limit.requestsPerSecond();
        this.tokens = capacity;
        this.refilled = now;
    }

    /** Takes a token: {@link Duration#ZERO} when one was there, else how long until one will be. */
    synchronized Duration take(Instant now) {
        if (now.isAfter(refilled)) {
            double elapsed = Duration.between(refilled, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            refilled = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }
}

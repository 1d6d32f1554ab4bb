package org.trilateral.exchange.delivery.webhook;

import java.time.Duration;

/**
 * Capped exponential backoff with full jitter: after the n-th failed attempt, a wait drawn uniformly from
 * {@code [0, min(max-delay, initial-delay × multiplier^(n-1))]}, so endpoints that failed together do not come back
 * together. A {@code Retry-After} the endpoint sent (429, 503) is honoured instead, up to {@code max-delay}.
 */
record RetryBackoff(Duration initialDelay, Duration maxDelay, double multiplier) {

    static RetryBackoff of(WebhookProperties properties) {
        return new RetryBackoff(properties.initialDelay(), properties.maxDelay(), properties.multiplier());
    }

    /**
     * The wait after the {@code attempts}-th failed attempt (1 for the first).
     *
     * @param random a number in {@code [0, 1)}
     */
    Duration delay(int attempts, double random) {
        double cap = Math.min(maxDelay.toMillis(), initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1)));
        return Duration.ofMillis((long) (cap * random));
    }

    /** The wait the endpoint asked for, within {@code max-delay}. */
    Duration honour(Duration retryAfter) {
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}

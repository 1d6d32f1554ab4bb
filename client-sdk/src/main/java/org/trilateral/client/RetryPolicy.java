package org.trilateral.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before repeating a request that failed for a reason that may pass: HTTP 429, 502, 503
 * and 504, and network failures (reset, refused, timeout, truncated body). Other 4xx are never retried.
 *
 * <p>The n-th retry waits {@code min(maxBackoff, initialBackoff * 2^(n-1))}, reduced by a random part of up to
 * {@code jitter} of itself so that many clients do not retry in step. A {@code Retry-After} from the server
 * (RFC 9110 §10.2.3) replaces that wait when it is longer; if it is longer than {@code maxRetryAfter} the client
 * stops and reports the failure rather than wait that long.
 *
 * @param maxAttempts attempts in all, the first included; at least 1
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest computed wait
 * @param jitter the random fraction taken off each wait, 0 (none) to 1 (full jitter)
 * @param maxRetryAfter the longest {@code Retry-After} the client accepts to wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
                          Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
    }

    /** 5 attempts, 500 ms doubling up to 30 s, half jitter, Retry-After up to 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, Duration.ofMinutes(2));
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofMillis(1));
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) with {@code random} in [0, 1).
     */
    public Duration backoff(int retry, double random) {
        long base = initialBackoff.toMillis();
        long millis = retry >= 31 ? maxBackoff.toMillis()
                : Math.min(maxBackoff.toMillis(), base * (1L << Math.max(0, retry - 1)));
        return Duration.ofMillis(Math.round(millis * (1 - jitter * random)));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}

package org.trilateral.client;

import java.time.Duration;
import java.util.Optional;

/** The server kept answering HTTP 429 after every retry the policy allowed. */
public class RateLimitException extends ExchangeException {

    private final Duration retryAfter;

    /**
     * @param retryAfter how long the server last asked to wait ({@code Retry-After}), or null
     */
    public RateLimitException(String message, TaxiiError error, Duration retryAfter) {
        super(message, error);
        this.retryAfter = retryAfter;
    }

    /** How long the server last asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

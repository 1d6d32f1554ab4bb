package org.trilateral.exchange.oprf;

import java.time.Duration;

/** A member asked for more evaluations than its quota leaves; {@link #retryAfter()} is when enough is free again. */
final class QuotaExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    QuotaExceeded(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

package org.trilateral.client;

import java.util.Objects;

/** The transparency log failed a check: a fork, a bad checkpoint signature, a missing inclusion, or no answer. */
public class LogVerificationException extends ExchangeException {

    private final VerificationFailure failure;

    /**
     * @param failure {@link VerificationFailure#NOT_IN_LOG}, {@link VerificationFailure#LOG_INCONSISTENT} or
     *     {@link VerificationFailure#LOG_UNAVAILABLE}
     */
    public LogVerificationException(VerificationFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** What failed. */
    public VerificationFailure failure() {
        return failure;
    }
}

package org.trilateral.client;

import java.util.Objects;

/** The log showed two checkpoints that contradict each other: a fork or a rollback, with the evidence. */
public final class LogForkException extends LogVerificationException {

    private final transient ForkEvidence evidence;

    public LogForkException(ForkEvidence evidence, Throwable cause) {
        super(VerificationFailure.LOG_INCONSISTENT, evidence.reason(), cause);
        this.evidence = Objects.requireNonNull(evidence, "evidence");
    }

    /** Both signed checkpoints. */
    public ForkEvidence evidence() {
        return evidence;
    }
}

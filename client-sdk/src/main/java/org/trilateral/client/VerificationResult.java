package org.trilateral.client;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verification of one object version: either verified, or the failure naming what failed. Never dropped:
 * every object given to the verifier gets one result.
 *
 * @param objectId the object's id, or null when it has none
 * @param version the object's version ({@code modified}, else {@code created}), or null
 * @param failure what failed, or null when the object verified
 * @param detail a sentence for people: which key verified, or why it failed
 * @param logIndex the object's index in the transparency log, when the log was checked
 */
public record VerificationResult(String objectId, String version, VerificationFailure failure, String detail,
                                 OptionalLong logIndex) {

    public VerificationResult {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(logIndex, "logIndex");
    }

    /** A verified object. */
    public static VerificationResult verified(String objectId, String version, String detail, OptionalLong logIndex) {
        return new VerificationResult(objectId, version, null, detail, logIndex);
    }

    /** A failed verification. */
    public static VerificationResult failed(String objectId, String version, VerificationFailure failure, String detail) {
        return new VerificationResult(objectId, version, Objects.requireNonNull(failure, "failure"), detail,
                OptionalLong.empty());
    }

    /** Whether everything checked held. */
    public boolean ok() {
        return failure == null;
    }

    /** The failure, when there was one. */
    public Optional<VerificationFailure> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}

package org.trilateral.taxonomy.signature;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking the signatures on one object: whether they could be checked at all, and the outcome
 * of each. An object is authentic for a member when {@link #verifiedBy(String)} holds for the member's kid.
 *
 * @param status whether the signatures could be checked
 * @param message a sentence summarising the result
 * @param signatures one check per entry of the {@code signatures} array (empty unless {@link Status#CHECKED})
 */
public record ObjectVerification(Status status, String message, List<SignatureCheck> signatures) {

    /** Whether the object's signatures could be checked. */
    public enum Status {
        /** Each signature was checked; see {@link #signatures()}. */
        CHECKED,
        /** The object has no signature extension, or it holds no signature. */
        NO_SIGNATURE,
        /** The signature extension is not shaped as the exchange defines it. */
        MALFORMED_EXTENSION,
        /**
         * The object is not I-JSON (duplicate member names, numbers outside IEEE 754 doubles, unpaired
         * surrogates), so it has no RFC 8785 canonical form to check a signature against.
         */
        NOT_CANONICALIZABLE
    }

    public ObjectVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        signatures = List.copyOf(signatures);
    }

    /** True when at least one signature verified. */
    public boolean anyVerified() {
        return signatures.stream().anyMatch(SignatureCheck::verified);
    }

    /** True when there is at least one signature and every one verified. */
    public boolean allVerified() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::verified);
    }

    /** True when a signature under {@code kid} verified. */
    public boolean verifiedBy(String kid) {
        return signatures.stream().anyMatch(check -> check.verified() && check.kid().filter(kid::equals).isPresent());
    }
}

package org.trilateral.taxonomy.signature;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one entry of the {@code signatures} array.
 *
 * @param index the entry's position in the array
 * @param kid the header's {@code kid}, empty when the header could not be read
 * @param outcome what the check found
 * @param message a sentence saying what was found, naming the entry and the reason
 */
public record SignatureCheck(int index, Optional<String> kid, SignatureOutcome outcome, String message) {

    public SignatureCheck {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** True when the signature verified. */
    public boolean verified() {
        return outcome == SignatureOutcome.VERIFIED;
    }
}

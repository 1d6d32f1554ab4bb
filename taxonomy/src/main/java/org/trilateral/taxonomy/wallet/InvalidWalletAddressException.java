package org.trilateral.taxonomy.wallet;

import java.util.Objects;

/** A wallet address (or chain) the exchange refuses; {@link #reason()} says why in a form code can test. */
public final class InvalidWalletAddressException extends IllegalArgumentException {

    /** Why an address is refused. */
    public enum Reason {
        UNKNOWN_CHAIN,
        EMPTY,
        INVALID_CHARACTER,
        MIXED_CASE,
        BAD_CHECKSUM,
        WRONG_LENGTH,
        UNKNOWN_PREFIX,
        INVALID_WITNESS_VERSION,
        INVALID_PADDING,
        NOT_CANONICAL
    }

    private final Reason reason;

    /**
     * @param reason the class of refusal
     * @param message the detail, naming the offending part
     */
    public InvalidWalletAddressException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The class of refusal; the message gives the detail. */
    public Reason reason() {
        return reason;
    }
}

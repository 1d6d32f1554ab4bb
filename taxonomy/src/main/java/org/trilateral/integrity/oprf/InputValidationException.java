package org.trilateral.integrity.oprf;

import java.util.Objects;

/**
 * An element or scalar encoding refused by deserialisation (RFC 9497 §4.3 and §4.7, SEC 1 §2.3.3 and §2.3.4): the
 * server answers 400 with the message, which names what is wrong. Refusing these is what keeps an attacker from
 * sending points off the curve or of small order to learn the key.
 */
public final class InputValidationException extends OprfException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the encoding. */
    public enum Reason {
        /** Not 33 bytes for an element, 32 for a scalar, 64 for a proof. */
        WRONG_LENGTH,
        /** An element whose first byte is not 0x02 or 0x03 (SEC 1 compressed form). */
        BAD_PREFIX,
        /** An x coordinate not below the field prime p, or a scalar not below the group order n. */
        NOT_CANONICAL,
        /** No point of P-256 has this x coordinate. */
        NOT_ON_CURVE,
        /** The encoding of the point at infinity, the group identity. */
        IDENTITY,
        /** A zero scalar where the protocol needs an invertible one (a private key). */
        ZERO_SCALAR
    }

    private final Reason reason;

    /**
     * @param reason the class of refusal
     * @param message the detail
     */
    public InputValidationException(Reason reason, String message) {
        super(Kind.INPUT_VALIDATION, message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the encoding was refused; the message gives the detail. */
    public Reason reason() {
        return reason;
    }
}

package org.trilateral.integrity.oprf;

import java.util.Objects;

/**
 * An OPRF operation failed with one of the errors RFC 9497 §2.1 and §3.3 name; {@link #kind()} says which, the
 * message says why. Unchecked: each is either a caller's bad input or a server that did not follow the protocol.
 */
public class OprfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The RFC 9497 error, with its name in the RFC. */
    public enum Kind {
        /** An element or scalar failed deserialisation (§4.7): see {@link InputValidationException#reason()}. */
        INPUT_VALIDATION("InputValidationError"),
        /** A DLEQ proof did not verify (§2.2.2): the evaluation was not made with the published key. */
        VERIFY("VerifyError"),
        /** A scalar to invert was zero: a POPRF key plus the info's scalar (§3.3.3), or a blind. */
        INVERSE("InverseError"),
        /** An input or info cannot be used: it maps to the identity, makes the tweaked key the identity, or is too long. */
        INVALID_INPUT("InvalidInputError"),
        /** DeriveKeyPair found no non-zero scalar in 256 attempts (§3.2.1). */
        DERIVE_KEY_PAIR("DeriveKeyPairError");

        private final String rfcName;

        Kind(String rfcName) {
            this.rfcName = rfcName;
        }

        /** The error's name in RFC 9497. */
        public String rfcName() {
            return rfcName;
        }
    }

    private final Kind kind;

    /**
     * @param kind the RFC 9497 error
     * @param message what failed, naming the offending value
     */
    public OprfException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Which RFC 9497 error this is. */
    public Kind kind() {
        return kind;
    }
}

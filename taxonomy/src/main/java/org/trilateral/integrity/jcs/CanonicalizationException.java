package org.trilateral.integrity.jcs;

/**
 * The JSON value cannot be canonicalised under RFC 8785 because it is outside I-JSON (RFC 7493): a number
 * that is not a finite IEEE 754 double, an integer that a double cannot hold exactly, or a string with an
 * unpaired surrogate; or it nests deeper than the canonicaliser walks. The message names the offending value and
 * where it is.
 */
public final class CanonicalizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the offending value and its JSON pointer */
    public CanonicalizationException(String message) {
        super(message);
    }
}

package org.trilateral.integrity.jws;

/** A JWK (public or private) is malformed, of an unsupported type, or not a valid key. */
public final class JwkFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the member or value that is wrong */
    public JwkFormatException(String message) {
        super(message);
    }

    /** @param message names the member or value that is wrong */
    public JwkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.trilateral.client;

/** The exchange or the identity provider did not accept the client's credentials (HTTP 401, or a refused token request). */
public class AuthenticationException extends ExchangeException {

    /** A failure without a response. */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public AuthenticationException(String message, TaxiiError error) {
        super(message, error);
    }
}

package org.trilateral.client;

/** The server failed (HTTP 5xx) or answered with something that is not the protocol (malformed or truncated body), after any retries. */
public class ServerException extends ExchangeException {

    /** A failure without a response. */
    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public ServerException(String message, TaxiiError error) {
        super(message, error);
    }
}

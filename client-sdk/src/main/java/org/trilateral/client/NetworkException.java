package org.trilateral.client;

/** No usable response: connection refused or reset, DNS failure, or a timeout, after any retries. */
public class NetworkException extends ExchangeException {

    /** A failure without a response. */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public NetworkException(String message, TaxiiError error) {
        super(message, error);
    }
}

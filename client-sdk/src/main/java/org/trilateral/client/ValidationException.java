package org.trilateral.client;

/** The request was refused as invalid (HTTP 400, 413, 415, 422 and other 4xx not named elsewhere); never retried. */
public class ValidationException extends ExchangeException {

    /** A failure without a response. */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public ValidationException(String message, TaxiiError error) {
        super(message, error);
    }
}

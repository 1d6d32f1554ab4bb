package org.trilateral.client;

import java.util.Optional;

/**
 * Base of every failure the client reports. Unchecked; the subclass says what kind of failure it was, and
 * failures that came from a response keep its status code and the server's TAXII error.
 */
public class ExchangeException extends RuntimeException {

    private final int statusCode;
    private final transient TaxiiError error;

    /** A failure without a response (statusCode 0). */
    public ExchangeException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.error = null;
    }

    /** A failure answered by the server with {@code error}. */
    public ExchangeException(String message, TaxiiError error) {
        super(message + ": " + error.summary());
        this.statusCode = error.httpStatus();
        this.error = error;
    }

    /** The HTTP status code of the response, or 0 when there was no response. */
    public int statusCode() {
        return statusCode;
    }

    /** The server's TAXII error, when the failure came from a response. */
    public Optional<TaxiiError> error() {
        return Optional.ofNullable(error);
    }
}

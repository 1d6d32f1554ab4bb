package org.trilateral.client;

/** The API root, collection, object or status does not exist (HTTP 404). */
public class NotFoundException extends ExchangeException {

    /** A failure without a response. */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public NotFoundException(String message, TaxiiError error) {
        super(message, error);
    }
}

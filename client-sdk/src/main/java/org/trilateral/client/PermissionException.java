package org.trilateral.client;

/** The client is authenticated but not allowed to do this (HTTP 403). */
public class PermissionException extends ExchangeException {

    /** A failure without a response. */
    public PermissionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure the server answered with {@code error}. */
    public PermissionException(String message, TaxiiError error) {
        super(message, error);
    }
}

package org.trilateral.exchange.taxii;

import org.springframework.http.HttpStatus;

/**
 * A refused TAXII request: carries the HTTP status and the error code the client sees in the TAXII error
 * body. Thrown (or emitted) by any endpoint; {@link TaxiiErrorHandler} renders it.
 */
public class TaxiiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;

    public TaxiiException(HttpStatus status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public static TaxiiException badRequest(String message) {
        return new TaxiiException(HttpStatus.BAD_REQUEST, "bad-request", message);
    }

    public static TaxiiException notFound(String message) {
        return new TaxiiException(HttpStatus.NOT_FOUND, "not-found", message);
    }

    public static TaxiiException tooLarge(String message) {
        return new TaxiiException(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", message);
    }

    public static TaxiiException notAcceptable(String message) {
        return new TaxiiException(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", message);
    }

    public static TaxiiException unsupportedMediaType(String message) {
        return new TaxiiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", message);
    }
}

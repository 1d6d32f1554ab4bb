package org.trilateral.exchange.taxii;

import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A TAXII request refused by the protocol edge (its media types, query parameters, envelope or paging): the HTTP
 * status, the error code the client sees in the TAXII error message (§3.6.1) and, when the refusal is about one
 * rule of the protocol rather than the endpoint, the section it cites. The error package renders it.
 */
public class TaxiiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final TaxiiSection section;

    public TaxiiException(HttpStatus status, String errorCode, TaxiiSection section, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.section = section;
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The rule the request broke; empty when the endpoint's own section applies. */
    public Optional<TaxiiSection> section() {
        return Optional.ofNullable(section);
    }

    public static TaxiiException badRequest(String message) {
        return badRequest(null, message);
    }

    public static TaxiiException badRequest(TaxiiSection section, String message) {
        return new TaxiiException(HttpStatus.BAD_REQUEST, "bad-request", section, message);
    }

    public static TaxiiException notFound(String message) {
        return new TaxiiException(HttpStatus.NOT_FOUND, "not-found", null, message);
    }

    public static TaxiiException tooLarge(String message) {
        return new TaxiiException(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", null, message);
    }

    public static TaxiiException notAcceptable(String message) {
        return new TaxiiException(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", TaxiiSection.MEDIA_TYPES, message);
    }

    public static TaxiiException unsupportedMediaType(String message) {
        return new TaxiiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", TaxiiSection.MEDIA_TYPES,
                message);
    }
}

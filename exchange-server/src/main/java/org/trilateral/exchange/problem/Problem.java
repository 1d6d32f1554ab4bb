package org.trilateral.exchange.problem;

import org.springframework.http.HttpStatus;

/**
 * A refused request outside TAXII, rendered as RFC 9457 problem details (§3.1: type, title, status, detail).
 * {@code field} names the request member that is wrong, for validation errors.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public Problem(HttpStatus status, String detail, String field) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The request member that is wrong, or null. */
    public String field() {
        return field;
    }

    public static Problem invalid(String field, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, detail, field);
    }

    public static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, detail, null);
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, detail, null);
    }
}

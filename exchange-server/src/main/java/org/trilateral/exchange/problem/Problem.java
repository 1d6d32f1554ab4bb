package org.trilateral.exchange.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused request outside TAXII, rendered as RFC 9457 problem details (§3.1: type, title, status, detail).
 * {@code field} (an extension member, §3.2) names the request member that is wrong, for validation errors. An
 * {@link ErrorResponseException}, so any problem-details handler renders it the same way.
 */
public class Problem extends ErrorResponseException {

    private final String field;

    public Problem(HttpStatus status, String detail, String field) {
        super(status, body(status, detail, field), null);
        this.field = field;
    }

    private static ProblemDetail body(HttpStatus status, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        if (field != null) {
            body.setProperty("field", field);
        }
        return body;
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(getStatusCode().value());
    }

    /** What is wrong, for the client. */
    public String detail() {
        return getBody().getDetail();
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

package org.trilateral.exchange.error;

import java.util.Objects;

/**
 * A request the exchange refuses for a reason of its domain: what was asked is invalid, does not exist or conflicts
 * with what is stored. It says nothing of HTTP: {@link ExchangeErrorHandler} maps the kind to a status and renders it
 * in the shape of the surface that was called.
 */
public class Refusal extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** The request is malformed or names an invalid value. */
        INVALID,
        /** What the request names does not exist (for the caller). */
        NOT_FOUND,
        /** The request contradicts what is stored. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public Refusal(Kind kind, String field, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, for the client. */
    public String detail() {
        return getMessage();
    }

    /** The request member or parameter that is wrong, or null. */
    public String field() {
        return field;
    }

    public static Refusal invalid(String field, String detail) {
        return new Refusal(Kind.INVALID, field, detail);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, null, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, null, detail);
    }
}

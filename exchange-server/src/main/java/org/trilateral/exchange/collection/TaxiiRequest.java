package org.trilateral.exchange.collection;

import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.trilateral.exchange.member.Member;

/**
 * A TAXII request as the edge resolved it before any handler runs: the calling member, the media type the response
 * is written in (TAXII 2.1 §1.6.8) and, on a collection's routes, the collection the path names.
 */
public final class TaxiiRequest {

    private static final String ATTRIBUTE = TaxiiRequest.class.getName();

    private final Member member;
    private final MediaType responseType;
    private final TaxiiCollection collection;

    TaxiiRequest(Member member, MediaType responseType, TaxiiCollection collection) {
        this.member = Objects.requireNonNull(member, "member");
        this.responseType = Objects.requireNonNull(responseType, "responseType");
        this.collection = collection;
    }

    /** The request resolved by the edge; an error if none was (a route outside the edge: a bug, not a client's). */
    public static TaxiiRequest of(ServerRequest request) {
        return request.attribute(ATTRIBUTE).map(TaxiiRequest.class::cast).orElseThrow(() -> new IllegalStateException(
                "request " + request.path() + " reached a TAXII handler without passing the TAXII edge"));
    }

    void attachTo(ServerRequest request) {
        request.attributes().put(ATTRIBUTE, this);
    }

    public Member member() {
        return member;
    }

    public MediaType responseType() {
        return responseType;
    }

    /** The collection the path names; only on a collection's routes. */
    public TaxiiCollection collection() {
        if (collection == null) {
            throw new IllegalStateException("this TAXII route names no collection");
        }
        return collection;
    }
}

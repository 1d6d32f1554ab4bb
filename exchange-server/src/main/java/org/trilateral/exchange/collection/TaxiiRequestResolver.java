package org.trilateral.exchange.collection;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import reactor.core.publisher.Mono;

/**
 * The checks every TAXII endpoint shares, once, in front of all of them: a request that does not accept TAXII 2.1 is
 * answered 406 and a POST whose body is not TAXII 2.1 415 (§1.6.8); a path naming a collection this API root does not
 * have 404; otherwise the member, the media type and the collection become the request's {@link TaxiiRequest}.
 */
@Component
public class TaxiiRequestResolver implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final CollectionRegistry registry;

    TaxiiRequestResolver(CollectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> {
            negotiate(request);
            TaxiiCollection collection = request.pathVariables().containsKey("collectionId")
                    ? collection(request.pathVariable("collectionId")) : null;
            return member(request).flatMap(member -> {
                new TaxiiRequest(member, TaxiiMediaTypes.TAXII, collection).attachTo(request);
                return next.handle(request);
            });
        });
    }

    private static void negotiate(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            throw TaxiiException.notAcceptable("the Accept header is not a valid media type list: " + e.getMessage());
        }
        if (!TaxiiMediaTypes.acceptsTaxii(accepted)) {
            throw TaxiiException.notAcceptable("this endpoint answers only " + TaxiiMediaTypes.TAXII_VALUE
                    + "; the request accepts " + request.headers().firstHeader("Accept"));
        }
        if (request.method() == HttpMethod.POST) {
            MediaType contentType;
            try {
                contentType = request.headers().contentType().orElse(null);
            } catch (InvalidMediaTypeException e) {
                contentType = null;
            }
            if (!TaxiiMediaTypes.isTaxiiContent(contentType)) {
                throw TaxiiException.unsupportedMediaType("the request body must be " + TaxiiMediaTypes.TAXII_VALUE
                        + "; it was " + (contentType == null ? "not declared" : contentType.toString()));
            }
        }
    }

    private TaxiiCollection collection(String key) {
        return registry.find(key)
                .orElseThrow(() -> TaxiiException.notFound("no collection '" + key + "' in this API root"));
    }

    /** The member the security filter chain authenticated; without one the chain is misconfigured, not the client. */
    private static Mono<Member> member(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached the TAXII edge without an authenticated member")));
    }
}

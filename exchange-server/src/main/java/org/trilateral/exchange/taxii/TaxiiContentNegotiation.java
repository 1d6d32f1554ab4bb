package org.trilateral.exchange.taxii;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The media-type checks every TAXII endpoint shares (§1.6.8): a request that does not accept TAXII 2.1 is
 * answered 406, a POST whose body is not TAXII 2.1 is answered 415, both with TAXII error bodies.
 */
public final class TaxiiContentNegotiation implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            return Mono.error(TaxiiException.notAcceptable("the Accept header is not a valid media type list: " + e.getMessage()));
        }
        if (!TaxiiMediaTypes.acceptsTaxii(accepted)) {
            return Mono.error(TaxiiException.notAcceptable("this endpoint answers only " + TaxiiMediaTypes.TAXII_VALUE
                    + "; the request accepts " + request.headers().firstHeader("Accept")));
        }
        if (request.method() == HttpMethod.POST) {
            MediaType contentType;
            try {
                contentType = request.headers().contentType().orElse(null);
            } catch (InvalidMediaTypeException e) {
                contentType = null;
            }
            if (!TaxiiMediaTypes.isTaxiiContent(contentType)) {
                return Mono.error(TaxiiException.unsupportedMediaType("the request body must be "
                        + TaxiiMediaTypes.TAXII_VALUE + "; it was "
                        + (contentType == null ? "not declared" : contentType.toString())));
            }
        }
        return next.handle(request);
    }
}

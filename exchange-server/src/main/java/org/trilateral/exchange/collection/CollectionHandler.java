package org.trilateral.exchange.collection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.taxii.TaxiiResponses;
import reactor.core.publisher.Mono;

/** Answers {@code GET /{api-root}/collections/} (§5.1) and {@code GET …/collections/{id}/} (§5.2). */
@Component
class CollectionHandler {

    private final CollectionRegistry registry;

    CollectionHandler(CollectionRegistry registry) {
        this.registry = registry;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Member member = TaxiiRequest.of(request).member();
        return TaxiiResponses.resource(HttpStatus.OK,
                Map.of("collections", registry.all().stream().map(c -> resource(c, member)).toList()));
    }

    Mono<ServerResponse> one(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        return TaxiiResponses.resource(HttpStatus.OK, resource(taxii.collection(), taxii.member()));
    }

    /** §5.2: can_read and can_write answer for the calling member. */
    private static Map<String, Object> resource(TaxiiCollection collection, Member member) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", collection.id());
        body.put("title", collection.title());
        if (!collection.description().isBlank()) {
            body.put("description", collection.description());
        }
        body.put("alias", collection.alias());
        body.put("can_read", collection.canRead(member));
        body.put("can_write", collection.canWrite(member));
        body.put("media_types", collection.mediaTypes());
        return body;
    }
}

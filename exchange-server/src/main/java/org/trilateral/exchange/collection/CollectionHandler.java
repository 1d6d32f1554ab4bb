package org.trilateral.exchange.collection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.security.CurrentMember;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiResponses;
import reactor.core.publisher.Mono;

/** Answers {@code GET /{api-root}/collections/} (§5.1) and {@code GET …/collections/{id}/} (§5.2). */
@Component
public class CollectionHandler {

    private final CollectionRegistry registry;

    public CollectionHandler(CollectionRegistry registry) {
        this.registry = registry;
    }

    public Mono<ServerResponse> list(ServerRequest request) {
        return CurrentMember.of(request).flatMap(member -> TaxiiResponses.resource(HttpStatus.OK,
                Map.of("collections", registry.all().stream().map(c -> resource(c, member)).toList())));
    }

    public Mono<ServerResponse> one(ServerRequest request) {
        TaxiiCollection collection = require(registry, request);
        return CurrentMember.of(request).flatMap(member -> TaxiiResponses.resource(HttpStatus.OK, resource(collection, member)));
    }

    /** The collection named by the {@code collectionId} path variable, or a TAXII 404. */
    public static TaxiiCollection require(CollectionRegistry registry, ServerRequest request) {
        String key = request.pathVariable("collectionId");
        return registry.find(key)
                .orElseThrow(() -> TaxiiException.notFound("no collection '" + key + "' in this API root"));
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

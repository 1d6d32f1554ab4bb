package org.trilateral.exchange.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.CollectionHandler;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.object.ObjectHandler;
import org.trilateral.exchange.object.ObjectPage;
import org.trilateral.exchange.object.ObjectStore;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiResponses;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Mono;

/**
 * Answers {@code GET …/collections/{id}/manifest/} with the same filters, paging and audience rules as the objects
 * endpoint.
 */
@Component
public class ManifestHandler {

    private final CollectionRegistry collections;
    private final ObjectStore store;
    private final TaxiiProperties.Limits limits;

    public ManifestHandler(CollectionRegistry collections, ObjectStore store, TaxiiProperties properties) {
        this.collections = collections;
        this.store = store;
        this.limits = properties.limits();
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST);
        return ObjectHandler.reader(request)
                .flatMap(reader -> store.find(collection.id(), query, false, reader))
                .flatMap(ManifestHandler::render);
    }

    private static Mono<ServerResponse> render(ObjectPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("more", page.more());
        page.next().ifPresent(next -> body.put("next", next.encode()));
        if (!page.items().isEmpty()) {
            List<Map<String, String>> records = page.items().stream().map(item -> {
                Map<String, String> record = new LinkedHashMap<>();
                record.put("id", item.id());
                record.put("date_added", StixTimestamp.formatMicros(item.dateAdded()));
                record.put("version", item.versionText());
                record.put("media_type", "application/stix+json;version=" + item.specVersion());
                return record;
            }).toList();
            body.put("objects", records);
        }
        return TaxiiResponses.raw(HttpStatus.OK, StixJson.mapper().writeValueAsBytes(body), page.firstAdded(), page.lastAdded());
    }
}

package org.trilateral.exchange.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.TaxiiRequest;
import org.trilateral.exchange.object.ObjectPage;
import org.trilateral.exchange.object.ObjectReads;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiResponses;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Mono;

/**
 * Answers {@code GET …/collections/{id}/manifest/} (§5.3) with the same filters, paging and audience rules as the
 * objects endpoint.
 */
@Component
class ManifestHandler {

    private final ObjectReads reads;
    private final TaxiiProperties.Limits limits;

    ManifestHandler(ObjectReads reads, TaxiiProperties properties) {
        this.reads = reads;
        this.limits = properties.limits();
    }

    Mono<ServerResponse> get(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST);
        return reads.page(taxii.collection(), query, taxii.member(), false).flatMap(ManifestHandler::render);
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

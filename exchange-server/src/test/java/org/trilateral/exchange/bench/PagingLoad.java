package org.trilateral.exchange.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** A reader walking a whole collection with {@code limit} and {@code next}, as a polling participant does. */
final class PagingLoad {

    private PagingLoad() {
    }

    /**
     * Walks the collection once from the start; with {@code expected} ≥ 0 the walk must have seen exactly that many
     * objects (gap-free paging), with -1 it only counts.
     */
    static Measurement walk(BenchHttp http, String collection, String authorization, int page, long expected)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        String next = null;
        long seen = 0;
        long start = System.nanoTime();
        while (true) {
            String uri = http.objects(collection) + "?limit=" + page + (next == null ? "" : "&next=" + next);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.getTaxii(uri, authorization);
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            JsonNode envelope = StixJson.mapper().readTree(response.body());
            seen += envelope.path("objects").size();
            if (!envelope.path("more").asBoolean()) {
                break;
            }
            next = envelope.get("next").asString();
        }
        if (expected >= 0 && seen != expected) {
            throw new IllegalStateException("paged " + seen + " objects, expected " + expected);
        }
        return new Measurement(System.nanoTime() - start, seen, latencies);
    }
}

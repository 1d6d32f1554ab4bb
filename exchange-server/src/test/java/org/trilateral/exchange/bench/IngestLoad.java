package org.trilateral.exchange.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * Publishers posting their envelopes at once, each one POST at a time as the OASIS client does, each through its own
 * token: every envelope must come back with every object accepted.
 */
final class IngestLoad {

    private IngestLoad() {
    }

    /** Runs every publisher's envelopes concurrently, one thread per publisher; answers the whole run's measurement. */
    static Measurement run(BenchHttp http, String collection, List<Publishers.Publisher> publishers,
                           List<List<IndicatorEnvelopes.Envelope>> envelopes) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long objects = envelopes.stream().flatMap(List::stream).mapToLong(IndicatorEnvelopes.Envelope::count).sum();
        ExecutorService pool = Executors.newFixedThreadPool(publishers.size());
        long start = System.nanoTime();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int p = 0; p < publishers.size(); p++) {
                Publishers.Publisher publisher = publishers.get(p);
                List<IndicatorEnvelopes.Envelope> own = envelopes.get(p);
                tasks.add(pool.submit(() -> {
                    for (IndicatorEnvelopes.Envelope envelope : own) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.postEnvelope(http.objects(collection), publisher.authorization(),
                                envelope.body());
                        latencies.add(System.nanoTime() - t0);
                        check(response, envelope.count(), publisher.member());
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Measurement(System.nanoTime() - start, objects, latencies);
    }

    private static void check(HttpResponse<String> response, int count, String member) {
        JsonNode status = response.statusCode() == 202 ? StixJson.mapper().readTree(response.body()) : null;
        if (status == null || status.get("success_count").asInt() != count) {
            throw new IllegalStateException("an envelope of " + member + " was not fully accepted: " + response.statusCode()
                    + " " + response.body().substring(0, Math.min(600, response.body().length())));
        }
    }
}

package org.trilateral.exchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * Transparency-log proof generation: {@code count} inclusion proofs of random leaves at the latest tree size,
 * fetched by {@code clients} concurrent clients, each checked against the checkpoint root; prints proofs per
 * second and latency percentiles (docs/transparency-log.md).
 */
final class LogProofs {

    static void measure(HttpClient http, String base, int count, int clients, String authorization) throws Exception {
        String note = http.send(HttpRequest.newBuilder(URI.create(base + "/log/checkpoint")).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        org.trilateral.integrity.checkpoint.Checkpoint checkpoint = org.trilateral.integrity.checkpoint.Checkpoint.parse(
                org.trilateral.integrity.checkpoint.SignedNote.parse(note).text());
        long size = checkpoint.size();
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(pool.submit(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                while (next.getAndIncrement() < count) {
                    long index = random.nextLong(size);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/log/proof/inclusion?index="
                            + index + "&tree_size=" + size)).GET().header("Authorization", authorization).build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("inclusion proof of leaf " + index + ": HTTP " + response.statusCode());
                    }
                    verify(StixJson.mapper().readTree(response.body()), checkpoint);
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "inclusion proofs: log of %,d leaves, %,d proofs in %.2f s = %,.0f proofs/s;"
                + " latency p50 %.1f ms, p99 %.1f ms%n", size, count, seconds, count / seconds,
                Measurement.percentile(sorted, 0.50), Measurement.percentile(sorted, 0.99));
    }

    private static void verify(JsonNode proof, org.trilateral.integrity.checkpoint.Checkpoint checkpoint) {
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(h -> path.add(java.util.Base64.getDecoder().decode(h.stringValue())));
        new org.trilateral.integrity.merkle.InclusionProof(proof.get("log_index").longValue(), checkpoint.size(), path)
                .verify(java.util.Base64.getDecoder().decode(proof.get("leaf_hash").stringValue()), checkpoint.rootHash());
    }
}

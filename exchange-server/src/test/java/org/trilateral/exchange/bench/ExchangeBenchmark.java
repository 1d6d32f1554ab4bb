package org.trilateral.exchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes signed indicators through the TAXII HTTP API with several concurrent clients and pages them all back,
 * printing objects per second and request latency percentiles. Run it with the command in
 * {@code docs/performance.md}; settings are system properties ({@code bench.objects}, {@code bench.envelope},
 * {@code bench.clients}, {@code bench.page}, {@code bench.warmup}, {@code bench.proofs}, {@code bench.database-url}).
 * The member registers an Ed25519 key through the admin API (us-agency is an admin) and signs every indicator; the
 * envelopes are built and signed before the clock starts, so ingest figures include the exchange's signature
 * verification and log appends, not the client's signing.
 */
public final class ExchangeBenchmark {

    private static final String TAXII = "application/taxii+json;version=2.1";
    /** The benchmark publishes as a demo member of the development identity provider. */
    private static final String MEMBER = "us-agency";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";
    private static String authorization;

    public static void main(String[] args) throws Exception {
        int objects = Integer.getInteger("bench.objects", 100_000);
        int envelope = Integer.getInteger("bench.envelope", 1_000);
        int clients = Integer.getInteger("bench.clients", 4);
        int page = Integer.getInteger("bench.page", 1_000);
        int warmup = Integer.getInteger("bench.warmup", 100_000);
        String databaseUrl = System.getProperty("bench.database-url", "");
        Path data = Files.createTempDirectory("exchange-bench");

        System.out.printf(Locale.ROOT, "benchmark: %,d indicators, envelopes of %d, %d clients, pages of %d, %s%n",
                objects, envelope, clients, page, databaseUrl.isBlank() ? "embedded PostgreSQL in " + data : databaseUrl);
        try (ConfigurableApplicationContext exchange = new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true",
                        "--logging.level.root=WARN",
                        // One member makes every request of the benchmark: its rate limit would measure the limit.
                        "--exchange.rate-limit.enabled=false",
                        "--exchange.database.url=" + databaseUrl,
                        "--exchange.database.username=" + System.getProperty("bench.database-user", ""),
                        "--exchange.database.password=" + System.getProperty("bench.database-password", ""),
                        "--exchange.database.embedded.data-directory=" + data.resolve("pg"),
                        "--exchange.taxii.limits.max-objects-per-envelope=" + Math.max(envelope, 5000))) {
            int port = ((WebServerApplicationContext) exchange).getWebServer().getPort();
            String collection = "http://localhost:" + port + "/trilateral/collections/indicators/objects/";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            authorization = "Bearer " + devToken(http, port);
            SigningKey key = SigningKey.generate();
            registerKey(http, port, key);
            ObjectSigner signer = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);

            if (warmup > 0) {
                // Warm the JIT and the connection pool in another collection, so that small runs measure the
                // exchange rather than the JVM's start-up; the measured collection starts empty.
                String other = "http://localhost:" + port + "/trilateral/collections/sightings/objects/";
                ingest(http, other, envelopes(warmup, envelope, signer), clients);
                page(http, other, page, warmup);
                page(http, other, page, warmup);
                System.out.printf(Locale.ROOT, "warm-up: %,d objects published and paged twice in another collection%n", warmup);
            }

            long signing = System.nanoTime();
            List<Envelope> measured = envelopes(objects, envelope, signer);
            System.out.printf(Locale.ROOT, "client-side signing (not timed below): %,d indicators in %.2f s%n", objects,
                    (System.nanoTime() - signing) / 1e9);
            Measurement ingest = ingest(http, collection, measured, clients);
            ingest.print("ingest", objects);
            // The first walk also warms the JIT and PostgreSQL's cache; the second shows the steady state.
            page(http, collection, page, objects).print("paging (first walk)", objects);
            page(http, collection, page, objects).print("paging (second walk)", objects);
            int proofs = Integer.getInteger("bench.proofs", 10_000);
            LogProofs.measure(http, "http://localhost:" + port, proofs, clients, authorization);
        } finally {
            deleteRecursively(data);
        }
    }

    /** The envelopes of {@code objects} signed indicators, {@code size} per envelope. */
    private static List<Envelope> envelopes(int objects, int size, ObjectSigner signer) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int e = 0; e * size < objects; e++) {
            int count = Math.min(size, objects - e * size);
            envelopes.add(new Envelope(envelope(e, count, signer), count));
        }
        return envelopes;
    }

    private record Envelope(String body, int count) {
    }

    private static Measurement ingest(HttpClient http, String collection, List<Envelope> bodies, int clients)
            throws Exception {
        int envelopes = bodies.size();
        AtomicInteger nextEnvelope = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(pool.submit(() -> {
                int e;
                while ((e = nextEnvelope.getAndIncrement()) < envelopes) {
                    int count = bodies.get(e).count();
                    String body = bodies.get(e).body();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(collection))
                            .header("Accept", TAXII).header("Content-Type", TAXII).header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    JsonNode status = StixJson.mapper().readTree(response.body());
                    if (response.statusCode() != 202 || status.get("success_count").asInt() != count) {
                        throw new IllegalStateException("envelope " + e + " not fully accepted: " + response.statusCode()
                                + " " + response.body().substring(0, Math.min(500, response.body().length())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
        return new Measurement(System.nanoTime() - start, new ArrayList<>(latencies));
    }

    private static Measurement page(HttpClient http, String collection, int page, int expected) throws Exception {
        List<Long> latencies = new ArrayList<>();
        String next = null;
        int seen = 0;
        long start = System.nanoTime();
        while (true) {
            String uri = collection + "?limit=" + page + (next == null ? "" : "&next=" + next);
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", TAXII)
                    .header("Authorization", authorization).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - t0);
            JsonNode envelope = StixJson.mapper().readTree(response.body());
            if (envelope.has("objects")) {
                seen += envelope.get("objects").size();
            }
            if (!envelope.path("more").asBoolean()) {
                break;
            }
            next = envelope.get("next").asString();
        }
        if (seen != expected) {
            throw new IllegalStateException("paged " + seen + " objects, expected " + expected);
        }
        return new Measurement(System.nanoTime() - start, latencies);
    }

    /** A token from the development identity provider, which runs because the benchmark configures no issuer. */
    private static String devToken(HttpClient http, int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=" + MEMBER)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /dev/token answered " + response.statusCode() + ": " + response.body());
        }
        return StixJson.mapper().readTree(response.body()).get("access_token").asString();
    }

    /** Registers the benchmark member's public key through the admin API. */
    private static void registerKey(HttpClient http, int port, SigningKey key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/admin/members/" + MEMBER + "/keys"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jwk\":" + key.publicKey().toJson() + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering the key answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String envelope(int envelope, int count, ObjectSigner signer) {
        JsonNode parsed = StixJson.mapper().readTree(envelope(envelope, count));
        parsed.get("objects").forEach(object -> signer.sign((ObjectNode) object));
        return StixJson.mapper().writeValueAsString(parsed);
    }

    private static String envelope(int envelope, int count) {
        StringBuilder json = new StringBuilder(count * 420).append("{\"objects\":[");
        for (int i = 0; i < count; i++) {
            int n = envelope * 1_000_000 + i;
            String timestamp = "2026-01-01T00:00:00.000Z";
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(UUID.randomUUID())
                    .append("\",\"created_by_ref\":\"").append(MEMBER_IDENTITY)
                    .append("\",\"created\":\"").append(timestamp).append("\",\"modified\":\"").append(timestamp)
                    .append("\",\"name\":\"Facilitator exit ").append(n)
                    .append("\",\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = '")
                    .append(10 + (n >>> 24) % 200).append('.').append((n >>> 16) & 255).append('.').append((n >>> 8) & 255)
                    .append('.').append(n & 255).append("']\",\"pattern_type\":\"stix\",\"valid_from\":\"").append(timestamp)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private record Measurement(long nanos, List<Long> latencies) {

        void print(String what, int objects) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double seconds = nanos / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d objects in %.2f s = %,.0f objects/s; %d requests, latency p50 %.1f ms, p99 %.1f ms%n",
                    what, objects, seconds, objects / seconds, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        private static double percentile(List<Long> sorted, double p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Transparency-log proof generation: {@code count} inclusion proofs of random leaves at the latest tree size,
     * fetched by {@code clients} concurrent clients, each checked against the checkpoint root; prints proofs per
     * second and latency percentiles (docs/transparency-log.md).
     */
    private static final class LogProofs {

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
}

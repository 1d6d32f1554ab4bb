package org.trilateral.exchange.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live delivery under load (docs/performance.md, "Live delivery"): {@code bench.subscribers} server-sent-event
 * subscribers spread over {@code bench.replicas} exchange instances sharing one PostgreSQL, while one publisher posts
 * {@code bench.rate} signed indicators per second (envelopes of {@code bench.envelope}) to one instance for
 * {@code bench.seconds}. Prints the publish-to-delivery latency (from sending the POST to a subscriber reading the
 * event) at p50/p99/max, and the heap per idle subscriber. Subscribers, publisher and exchanges share one JVM, so the
 * memory figure is an upper bound of the exchange's share (it includes the client side of each connection).
 */
public final class DeliveryBenchmark {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String MEMBER = "us-agency";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 1000);
        int replicas = Integer.getInteger("bench.replicas", 1);
        int rate = Integer.getInteger("bench.rate", 100);
        int envelope = Integer.getInteger("bench.envelope", 10);
        int seconds = Integer.getInteger("bench.seconds", 20);
        // Publishing before the measured seconds, at the same pace and to the same subscribers, so that the JIT has
        // compiled the ingest and stream paths: 3 s left it compiling through the measurement.
        int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 20);
        String database = TestDatabase.newDatabaseUrl();
        System.out.printf(Locale.ROOT, "delivery benchmark: %d subscribers on %d replica(s), %d objects/s in envelopes of %d"
                + " for %d s after %d s of warm-up%n", subscribers, replicas, rate, envelope, seconds, warmupSeconds);
        List<ConfigurableApplicationContext> exchanges = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                exchanges.add(new SpringApplicationBuilder(ExchangeApplication.class).run("--server.port=0",
                        "--exchange.dev.enabled=true", "--logging.level.root=WARN",
                        "--exchange.rate-limit.enabled=false",
                        "--exchange.database.url=" + database,
                        "--exchange.database.username=postgres", "--exchange.database.password=postgres",
                        "--exchange.database.pool.max-size=20"));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<String> bases = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (ConfigurableApplicationContext exchange : exchanges) {
                String base = "http://localhost:" + ((WebServerApplicationContext) exchange).getWebServer().getPort();
                bases.add(base);
                // Development tokens are signed by a key of each instance: one token per instance.
                tokens.add(devToken(http, base));
            }
            SigningKey key = SigningKey.generate();
            registerKey(http, bases.get(0), tokens.get(0), key);
            ObjectSigner signer = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);
            int envelopes = Math.max(1, rate * seconds / envelope);
            int warmupEnvelopes = Math.max(1, rate * warmupSeconds / envelope);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < warmupEnvelopes + envelopes; i++) {
                bodies.add(envelope(envelope, signer));
            }

            System.gc();
            Thread.sleep(500);
            System.gc();
            long heapBefore = usedHeap();
            LoopResources loops = LoopResources.create("bench-subscribers", 2, true);
            ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(subscribers + 10)
                    .pendingAcquireMaxCount(-1).build();
            List<Subscriber> all = new ArrayList<>();
            List<Disposable> subscriptions = new ArrayList<>();
            AtomicInteger ready = new AtomicInteger();
            for (int i = 0; i < subscribers; i++) {
                int replica = i % replicas;
                Subscriber subscriber = new Subscriber(ready);
                all.add(subscriber);
                subscriptions.add(reactor.netty.http.client.HttpClient.create(connections).runOn(loops)
                        .headers(h -> h.add(HttpHeaderNames.AUTHORIZATION, "Bearer " + tokens.get(replica))
                                .add(HttpHeaderNames.ACCEPT, "text/event-stream"))
                        .get().uri(bases.get(replica) + "/changes/stream?collection=indicators")
                        .responseContent()
                        .subscribe(subscriber::chunk, e -> subscriber.failed = e));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ready.get() < subscribers && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (ready.get() < subscribers) {
                throw new IllegalStateException("only " + ready.get() + " of " + subscribers + " subscribers connected");
            }
            System.gc();
            Thread.sleep(500);
            System.gc();
            long heapIdle = usedHeap();
            System.out.printf(Locale.ROOT, "heap per idle subscriber (client and server side, one JVM): %.1f KiB%n",
                    (heapIdle - heapBefore) / 1024.0 / subscribers);

            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
            List<Long> postLatencies = new ArrayList<>();
            long measuredFrom = Long.MAX_VALUE;
            long intervalNanos = Duration.ofSeconds(1).toNanos() * envelope / rate;
            long start = System.nanoTime();
            for (int i = 0; i < bodies.size(); i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(bases.get(0)
                                + "/trilateral/collections/indicators/objects/"))
                        .header("Content-Type", TAXII).header("Accept", TAXII)
                        .header("Authorization", "Bearer " + tokens.get(0))
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (i >= warmupEnvelopes) {
                    postLatencies.add(answered - sent);
                }
                JsonNode status = StixJson.mapper().readTree(response.body());
                for (JsonNode success : status.path("successes")) {
                    long position = success.get("log_index").longValue();
                    sentAt.put(position, sent);
                    answeredAt.put(position, answered);
                    if (i == warmupEnvelopes) {
                        measuredFrom = Math.min(measuredFrom, position);
                    }
                }
            }
            long publishSeconds = System.nanoTime() - start;
            // Let the last events arrive.
            Thread.sleep(3000);
            final long firstMeasured = measuredFrom;
            List<Long> latencies = new ArrayList<>();
            List<Long> afterAnswer = new ArrayList<>();
            long missing = 0;
            for (Subscriber subscriber : all) {
                for (int k = 0; k < subscriber.count; k++) {
                    Long sent = sentAt.get(subscriber.positions[k]);
                    if (sent != null && subscriber.positions[k] >= firstMeasured) {
                        latencies.add(subscriber.received[k] - sent);
                        afterAnswer.add(subscriber.received[k] - answeredAt.get(subscriber.positions[k]));
                    }
                }
                long expected = sentAt.keySet().stream().filter(p -> p >= firstMeasured).count();
                long got = Arrays.stream(subscriber.positions, 0, subscriber.count).filter(p -> p >= firstMeasured).count();
                missing += Math.max(0, expected - got);
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long measuredObjects = sentAt.keySet().stream().filter(p -> p >= firstMeasured).count();
            System.out.printf(Locale.ROOT, "published %,d objects in %.1f s (%,.0f objects/s); %,d deliveries measured,"
                            + " %,d missing%n", sentAt.size(), publishSeconds / 1e9, sentAt.size() / (publishSeconds / 1e9),
                    sorted.length, missing);
            System.out.printf(Locale.ROOT, "publish-to-delivery latency over %,d objects x %d subscribers: p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n", measuredObjects, subscribers,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            long[] sinceAnswer = afterAnswer.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] posts = postLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "POST (ingest, commit, answer) latency: p50 %.1f ms, p99 %.1f ms; delivery after"
                            + " the POST's answer: p50 %.1f ms, p99 %.1f ms (negative: delivered before the answer arrived)%n",
                    percentile(posts, 0.50), percentile(posts, 0.99), percentile(sinceAnswer, 0.50),
                    percentile(sinceAnswer, 0.99));
            subscriptions.forEach(Disposable::dispose);
            connections.disposeLater().block(Duration.ofSeconds(10));
            loops.disposeLater().block(Duration.ofSeconds(10));
        } finally {
            exchanges.forEach(ConfigurableApplicationContext::close);
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * One stream's events: the position of each {@code added} event and when it was read. The bytes are scanned as
     * they come, without decoding them into strings: a thousand subscribers in the exchange's JVM would otherwise spend
     * more CPU parsing than the exchange spends sending, and the benchmark would measure its own clients. Only the
     * start of each line is kept: {@code event:} names the event, and an event's data starts with its position.
     */
    private static final class Subscriber {

        private static final byte[] EVENT_READY = "event:ready".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] EVENT_ADDED = "event:added".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] DATA_POSITION = "data:{\"position\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        private final AtomicInteger ready;
        private final byte[] line = new byte[64];
        private int lineLength;
        private boolean added;
        private long position = -1;
        private long[] positions = new long[4096];
        private long[] received = new long[4096];
        private int count;
        private boolean connected;
        private volatile Throwable failed;

        Subscriber(AtomicInteger ready) {
            this.ready = ready;
        }

        /**
         * Reads the received bytes where Netty holds them, finding line ends with {@code ByteBuf.indexOf} and keeping
         * only each line's first bytes: these clients share the exchange's two cores, and copying every chunk to an
         * array and looking at each byte in Java cost them more CPU than the exchange spent writing the events.
         */
        void chunk(io.netty.buffer.ByteBuf bytes) {
            long now = System.nanoTime();
            int at = bytes.readerIndex();
            int end = bytes.writerIndex();
            while (at < end) {
                int lineEnd = bytes.indexOf(at, end, (byte) '\n');
                int until = lineEnd < 0 ? end : lineEnd;
                int keep = Math.min(until - at, line.length - lineLength);
                if (keep > 0) {
                    bytes.getBytes(at, line, lineLength, keep);
                    lineLength += keep;
                }
                if (lineEnd < 0) {
                    return;
                }
                endOfLine(now);
                at = lineEnd + 1;
            }
        }

        private void endOfLine(long now) {
            if (lineLength == 0) {
                if (added && position >= 0) {
                    if (count == positions.length) {
                        positions = Arrays.copyOf(positions, count * 2);
                        received = Arrays.copyOf(received, count * 2);
                    }
                    positions[count] = position;
                    received[count] = now;
                    count++;
                }
                added = false;
                position = -1;
            } else if (startsWith(EVENT_ADDED)) {
                added = true;
            } else if (startsWith(EVENT_READY)) {
                if (!connected) {
                    connected = true;
                    ready.incrementAndGet();
                }
            } else if (startsWith(DATA_POSITION)) {
                long value = 0;
                for (int i = DATA_POSITION.length; i < lineLength && line[i] >= '0' && line[i] <= '9'; i++) {
                    value = value * 10 + (line[i] - '0');
                }
                position = value;
            }
            lineLength = 0;
        }

        private boolean startsWith(byte[] prefix) {
            if (lineLength < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String devToken(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=" + MEMBER)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /dev/token answered " + response.statusCode() + ": " + response.body());
        }
        return StixJson.mapper().readTree(response.body()).get("access_token").asString();
    }

    private static void registerKey(HttpClient http, String base, String token, SigningKey key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/members/" + MEMBER + "/keys"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jwk\":" + key.publicKey().toJson() + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering the key answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String envelope(int count, ObjectSigner signer) {
        ObjectNode envelope = StixJson.mapper().createObjectNode();
        var objects = envelope.putArray("objects");
        for (int i = 0; i < count; i++) {
            String timestamp = "2026-01-01T00:00:00.000Z";
            ObjectNode indicator = objects.addObject()
                    .put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--" + UUID.randomUUID())
                    .put("created_by_ref", MEMBER_IDENTITY).put("created", timestamp).put("modified", timestamp)
                    .put("name", "Facilitator exit " + i)
                    .put("pattern", "[ipv4-addr:value = '198.51.100." + (i % 250) + "']").put("pattern_type", "stix")
                    .put("valid_from", timestamp);
            indicator.putArray("indicator_types").add("malicious-activity");
            signer.sign(indicator);
        }
        return StixJson.mapper().writeValueAsString(envelope);
    }
}

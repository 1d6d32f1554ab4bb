package org.trilateral.exchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook delivery under load (docs/performance.md, "Webhooks"): {@code bench.endpoints} webhooks of one member on
 * {@code bench.replicas} exchange instances sharing one PostgreSQL, all served by one local HTTP server that answers 200
 * at once, while one publisher posts {@code bench.rate} signed indicators per second (envelopes of 10) for
 * {@code bench.seconds}, after 3 s of warm-up, with {@code exchange.webhooks.concurrency} at {@code bench.concurrency} (16,
 * the default). Prints the publish-to-delivery latency (from sending the POST to the
 * endpoint reading the delivery) over every (object, endpoint) pair at p50/p99/max, the deliveries (requests) and events
 * per second, any event missing or delivered twice, and the CPU per delivered event (this JVM: exchanges, endpoint
 * server and publisher; the rest of the machine: PostgreSQL and anything else running; and the test PostgreSQL's own
 * processes, from {@code /proc}, which other work on the machine does not inflate), the statements PostgreSQL ran per
 * delivered event (its committed transactions in the benchmark's database: every statement of the exchange runs in a
 * transaction of its own, publishing included), and the load average before and after.
 */
public final class WebhookBenchmark {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String MEMBER = "us-agency";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Pattern HOOK = Pattern.compile("/hook/(\\d+)");

    public static void main(String[] args) throws Exception {
        int endpoints = Integer.getInteger("bench.endpoints", 100);
        int replicas = Integer.getInteger("bench.replicas", 1);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int envelope = 10;
        String database = TestDatabase.newDatabaseUrl();
        DatabaseStats stats = DatabaseStats.of(database);
        System.out.printf(Locale.ROOT, "webhook benchmark: %d endpoints on %d replica(s), %d objects/s in envelopes of %d"
                + " for %d s%n", endpoints, replicas, rate, envelope, seconds);
        Map<Long, Long>[] received = newReceived(endpoints);
        AtomicLong requests = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/hook/{i}", (request, response) -> request.receive().aggregate().asString()
                        .flatMap(body -> {
                            long now = System.nanoTime();
                            Matcher hook = HOOK.matcher(request.uri());
                            int endpoint = hook.find() ? Integer.parseInt(hook.group(1)) : -1;
                            Matcher position = POSITION.matcher(body);
                            requests.incrementAndGet();
                            while (position.find()) {
                                if (received[endpoint].putIfAbsent(Long.parseLong(position.group(1)), now) != null) {
                                    duplicates.incrementAndGet();
                                }
                            }
                            return response.status(200).send().then();
                        }).then(Mono.empty())))
                .bindNow();
        List<ConfigurableApplicationContext> exchanges = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                exchanges.add(new SpringApplicationBuilder(ExchangeApplication.class).run("--server.port=0",
                        "--exchange.dev.enabled=true", "--logging.level.root=WARN",
                        "--exchange.rate-limit.enabled=false",
                        "--exchange.webhooks.allow-http=true", "--exchange.webhooks.allowed-hosts=127.0.0.1",
                        "--exchange.webhooks.max-endpoints=" + Math.max(10, endpoints),
                        "--exchange.database.url=" + database,
                        "--exchange.database.username=postgres", "--exchange.database.password=postgres",
                        "--exchange.database.pool.max-size=20",
                        // bench.concurrency: exchange.webhooks.concurrency (its default when not given).
                        "--exchange.webhooks.concurrency=" + System.getProperty("bench.concurrency", "16")));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://localhost:" + ((WebServerApplicationContext) exchanges.get(0)).getWebServer().getPort();
            String token = devToken(http, base);
            SigningKey key = SigningKey.generate();
            post(http, base + "/admin/members/" + MEMBER + "/keys", token, "application/json",
                    "{\"jwk\":" + key.publicKey().toJson() + "}", 201);
            for (int i = 0; i < endpoints; i++) {
                post(http, base + "/webhooks", token, "application/json", "{\"url\":\"http://127.0.0.1:" + server.port()
                        + "/hook/" + i + "\",\"collection\":\"indicators\"}", 201);
            }
            ObjectSigner signer = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);
            int envelopes = Math.max(1, rate * seconds / envelope);
            int warmupEnvelopes = Math.max(1, rate * 3 / envelope);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < warmupEnvelopes + envelopes; i++) {
                bodies.add(envelope(envelope, signer));
            }

            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            long measuredFrom = Long.MAX_VALUE;
            long intervalNanos = Duration.ofSeconds(1).toNanos() * envelope / rate;
            CpuUse cpuBefore = null;
            long postgresBefore = 0;
            long statementsBefore = 0;
            String loadBefore = "";
            long requestsBefore = 0;
            long start = System.nanoTime();
            long measuredStart = start;
            for (int i = 0; i < bodies.size(); i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (i == warmupEnvelopes) {
                    cpuBefore = CpuUse.now();
                    postgresBefore = stats.postgresNanos();
                    statementsBefore = stats.transactions();
                    loadBefore = loadAverage();
                    requestsBefore = requests.get();
                    measuredStart = System.nanoTime();
                }
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/trilateral/collections/indicators/objects/"))
                        .header("Content-Type", TAXII).header("Accept", TAXII).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode status = StixJson.mapper().readTree(response.body());
                for (JsonNode success : status.path("successes")) {
                    long position = success.get("log_index").longValue();
                    if (i >= warmupEnvelopes) {
                        sentAt.put(position, sent);
                        measuredFrom = Math.min(measuredFrom, position);
                    }
                }
            }
            // Wait until every endpoint has every measured event, or 30 s.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !complete(received, sentAt)) {
                Thread.sleep(20);
            }
            long measuredNanos = System.nanoTime() - measuredStart;
            CpuUse cpuAfter = CpuUse.now();
            long postgresAfter = stats.postgresNanos();
            Thread.sleep(1500);
            long statementsAfter = stats.transactions();
            String loadAfter = loadAverage();
            List<Long> latencies = new ArrayList<>();
            long missing = 0;
            for (Map<Long, Long> endpoint : received) {
                for (Map.Entry<Long, Long> sent : sentAt.entrySet()) {
                    Long at = endpoint.get(sent.getKey());
                    if (at == null) {
                        missing++;
                    } else {
                        latencies.add(at - sent.getValue());
                    }
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long events = sorted.length;
            long measuredRequests = requests.get() - requestsBefore;
            System.out.printf(Locale.ROOT, "%,d objects measured x %d endpoints: %,d events delivered in %,d requests"
                            + " (%.1f events per request), %,d missing, %,d delivered twice%n", sentAt.size(), endpoints,
                    events, measuredRequests, events / (double) Math.max(1, measuredRequests), missing, duplicates.get());
            System.out.printf(Locale.ROOT, "publish-to-delivery latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " %,.0f events/s and %,.0f requests/s over %.1f s%n", percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    events / (measuredNanos / 1e9), measuredRequests / (measuredNanos / 1e9), measuredNanos / 1e9);
            System.out.println(cpuAfter.perObject(cpuBefore, Math.max(1, events)).replace("per object", "per delivered event"));
            System.out.printf(Locale.ROOT, "    PostgreSQL (its own processes): %.0f µs CPU per delivered event; %.2f"
                            + " statements per delivered event, %.1f per request%n",
                    (postgresAfter - postgresBefore) / 1e3 / Math.max(1, events),
                    (statementsAfter - statementsBefore) / (double) Math.max(1, events),
                    (statementsAfter - statementsBefore) / (double) Math.max(1, measuredRequests));
            System.out.printf(Locale.ROOT, "    load average (1, 5, 15 min) before: %s; after: %s%n", loadBefore, loadAfter);
        } finally {
            exchanges.forEach(ConfigurableApplicationContext::close);
            server.disposeNow();
        }
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * The benchmark database's PostgreSQL, over JDBC: its data directory (to find its processes for {@link PostgresCpu})
     * and the transactions committed in the database so far ({@code pg_stat_database}, which each backend updates within
     * about a second of its work: the count after the load is read after a pause; the one at its start, read without
     * one so as not to disturb the publisher's pace, can miss up to a second of warm-up, which the figure then includes).
     */
    private record DatabaseStats(String jdbcUrl, PostgresCpu postgres) {

        static DatabaseStats of(String r2dbcUrl) throws java.sql.SQLException {
            String jdbc = r2dbcUrl.replace("r2dbc:postgresql:", "jdbc:postgresql:");
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbc, "postgres", "postgres");
                 java.sql.ResultSet directory = connection.createStatement().executeQuery("SHOW data_directory")) {
                directory.next();
                return new DatabaseStats(jdbc, PostgresCpu.of(java.nio.file.Path.of(directory.getString(1))).orElse(null));
            }
        }

        long postgresNanos() {
            return postgres == null ? 0 : postgres.nanos();
        }

        long transactions() throws java.sql.SQLException {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                 java.sql.ResultSet row = connection.createStatement().executeQuery("SELECT xact_commit + xact_rollback"
                         + " FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Long>[] newReceived(int endpoints) {
        Map<Long, Long>[] received = new Map[endpoints];
        for (int i = 0; i < endpoints; i++) {
            received[i] = new ConcurrentHashMap<>();
        }
        return received;
    }

    private static boolean complete(Map<Long, Long>[] received, Map<Long, Long> sentAt) {
        for (Map<Long, Long> endpoint : received) {
            if (!endpoint.keySet().containsAll(sentAt.keySet())) {
                return false;
            }
        }
        return true;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
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

    private static void post(HttpClient http, String url, String token, String type, String body, int expected)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", type).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
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

package org.trilateral.exchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.PersonaTokenClient;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import org.trilateral.taxonomy.persona.PersonaTokenRequest;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

/**
 * OPRF evaluations per second (in-process, and over HTTP in batches of 1 and 100) and screening requests per second
 * with five identifiers each (two wallets, two IPs, one persona token) against {@code bench.objects} published
 * indicators, half wallets and half /24 networks, then screenings of 100 identifiers each (lookups per second). Run with the command in docs/performance.md; settings are system
 * properties ({@code bench.objects}, {@code bench.clients}, {@code bench.screenings}, {@code bench.bulk-screenings}: how many
 * screenings of 100 identifiers, {@code bench.oprf=false}: screening only, {@code bench.rounds}: how many times the
 * screening loads run, each preceded by authenticated GETs of the discovery document that show the floor of any request),
 * and each load prints the CPU per item. Blinding and request bodies are prepared before each clock
 * starts, so the figures are the exchange's.
 */
public final class PrivateMatchingBenchmark {

    private static final String MEMBER = "us-agency";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";
    private static final String JSON = "application/json";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String authorization;
    /** The exchange's PostgreSQL, whose CPU each load reports; null when it cannot be read (not Linux). */
    private static PostgresCpu postgres;

    public static void main(String[] args) throws Exception {
        int objects = Integer.getInteger("bench.objects", 20_000);
        int clients = Integer.getInteger("bench.clients", 4);
        int screenings = Integer.getInteger("bench.screenings", 5_000);
        int bulk = Integer.getInteger("bench.bulk-screenings", Math.max(1, screenings / 20));
        boolean oprf = Boolean.parseBoolean(System.getProperty("bench.oprf", "true"));
        Path data = Files.createTempDirectory("exchange-bench-matching");
        System.out.printf(Locale.ROOT, "private matching benchmark: %,d indicators, %d clients, %,d screenings%n",
                objects, clients, screenings);

        if (oprf) {
            inProcess();
        }
        try (ConfigurableApplicationContext exchange = new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true", "--exchange.rate-limit.enabled=false",
                        "--logging.level.root=WARN", "--exchange.database.url=",
                        "--exchange.database.embedded.durable=false",
                        "--exchange.database.embedded.data-directory=" + data.resolve("pg"),
                        "--exchange.oprf.quota.per-hour=1000000000", "--exchange.oprf.quota.per-day=1000000000",
                        "--exchange.oprf.max-elements=1000",
                        "--exchange.taxii.limits.max-objects-per-envelope=5000")) {
            int port = ((WebServerApplicationContext) exchange).getWebServer().getPort();
            postgres = PostgresCpu.of(data.resolve("pg")).orElse(null);
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            authorization = "Bearer " + devToken(http, base);

            Element publicKey = Element.deserialize(Base64.getUrlDecoder().decode(
                    StixJson.mapper().readTree(get(http, base + "/.well-known/persona-token-keys.json")).get("keys").get(0)
                            .get("public_key").stringValue()));
            PersonaTokenClient tokens = PersonaTokenClient.create(new KeyEpoch(1), publicKey);
            if (oprf) {
                overHttp(http, base, tokens, clients, 1, 1_000);
                overHttp(http, base, tokens, clients, 100, 200);
            }

            List<String> published = publish(http, base, objects);
            List<String> bodies = new ArrayList<>(screenings);
            for (int i = 0; i < screenings; i++) {
                bodies.add(screening(published, i));
            }
            // Lookups in bulk: 100 identifiers per screening (50 wallets, half of them published; 50 IPs).
            List<String> bulkBodies = new ArrayList<>(bulk);
            for (int i = 0; i < bulk; i++) {
                bulkBodies.add(bulkScreening(published, i));
            }
            // bench.rounds: the loads again and again, each round printed; the JIT compiles the hot paths over the first
            // rounds (each load prints the JIT's time), so the last round is the exchange's steady state.
            int rounds = Integer.getInteger("bench.rounds", 3);
            for (int round = 1; round <= rounds; round++) {
                String of = " (round " + round + " of " + rounds + ")";
                // The floor: what any authenticated request costs (token, member, security chains, rate limit, HTTP),
                // with no work of its own: the TAXII discovery document.
                int baseline = Math.min(2_000, screenings);
                run(http, base + "/taxii2/", null, baseline, clients).print("authenticated GET /taxii2/, the floor of a request" + of, baseline, 1);
                run(http, base + "/screening", bodies::get, screenings, clients).print("screening" + of, screenings, 5);
                // bench.jfr=<file>: a JDK Flight Recorder profile of the last round's bulk load only, for ProfileBreakdown.
                String jfr = round == rounds ? System.getProperty("bench.jfr", "") : "";
                try (Recording recording = jfr.isEmpty() ? null : new Recording(Configuration.getConfiguration("profile"))) {
                    if (recording != null) {
                        recording.setDestination(Path.of(jfr));
                        recording.start();
                    }
                    run(http, base + "/screening", bulkBodies::get, bulk, clients).print("screening of 100 identifiers" + of, bulk, 100);
                }
            }
        } finally {
            if (Boolean.getBoolean("bench.keep-data")) {
                // For EXPLAIN ANALYZE afterwards: start PostgreSQL on this directory (docs/performance.md).
                System.out.println("data kept in " + data);
                return;
            }
            try (var walk = Files.walk(data)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** BlindEvaluate with one prepared key, batches of 100, on one thread and on every core. */
    private static void inProcess() throws Exception {
        PersonaTokenEvaluator evaluator = PersonaTokenEvaluator.create(new KeyEpoch(1), OprfKeyPair.generate(ScalarSource.secure()));
        PersonaTokenClient client = PersonaTokenClient.create(new KeyEpoch(1), evaluator.publicKey());
        List<List<Element>> batches = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            List<TaggedIdentifier> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(EmailIdentifiers.normalise("person" + b + "-" + i + "@example.com"));
            }
            batches.add(client.blind(ids).blindedElements().get(PersonaKind.EMAIL));
        }
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            for (int round = 0; round < 2; round++) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                AtomicInteger next = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(pool.submit(() -> {
                        int b;
                        while ((b = next.getAndIncrement()) < batches.size()) {
                            evaluator.blindEvaluate(PersonaKind.EMAIL, batches.get(b));
                        }
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "in-process BlindEvaluate (%s, %d thread(s)): %,d evaluations in %.2f s = %,.0f evaluations/s%n",
                        round == 0 ? "warm-up" : "measured", threads, batches.size() * 100, seconds, batches.size() * 100 / seconds);
            }
        }
    }

    private static void overHttp(HttpClient http, String base, PersonaTokenClient tokens, int clients, int batch, int requests)
            throws Exception {
        List<String> bodies = new ArrayList<>(requests);
        for (int r = 0; r < requests; r++) {
            List<TaggedIdentifier> ids = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                ids.add(EmailIdentifiers.normalise("http" + batch + "-" + r + "-" + i + "@example.com"));
            }
            bodies.add(evaluation(tokens.blind(ids)));
        }
        run(http, base + "/oprf/evaluate", bodies::get, Math.max(1, requests / 10), clients).print("OPRF over HTTP, warm-up, batch " + batch,
                Math.max(1, requests / 10), batch);
        run(http, base + "/oprf/evaluate", bodies::get, requests, clients).print("OPRF over HTTP, batch " + batch, requests, batch);
    }

    private static String evaluation(PersonaTokenRequest request) {
        List<Map<String, Object>> batches = new ArrayList<>();
        request.blindedElements().forEach((kind, elements) -> batches.add(Map.of("kind", kind.value(), "blinded_elements",
                elements.stream().map(e -> Base64.getUrlEncoder().withoutPadding().encodeToString(e.serialize())).toList())));
        return StixJson.mapper().writeValueAsString(Map.of("epoch", request.epoch().number(), "batches", batches));
    }

    /** Publishes half wallets, half /24 networks, signed; answers the published wallet addresses and networks. */
    private static List<String> publish(HttpClient http, String base, int objects) throws Exception {
        SigningKey key = SigningKey.generate();
        post(http, base + "/admin/members/" + MEMBER + "/keys", "{\"jwk\":" + key.publicKey().toJson() + "}", 201);
        ObjectSigner signer = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);
        List<String> published = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = 0; from < objects; from += 1_000) {
            List<ObjectNode> envelope = new ArrayList<>();
            for (int i = from; i < Math.min(objects, from + 1_000); i++) {
                ObjectNode indicator;
                if (i % 2 == 0) {
                    WalletAddress wallet = randomWallet();
                    published.add(wallet.address());
                    indicator = IndicatorBuilder.wallet(wallet).createdByRef(MEMBER_IDENTITY).marking(Tlp.AMBER).build();
                } else {
                    String network = "10." + ((i >> 8) & 255) + "." + (i & 255) + ".0/24";
                    published.add(network);
                    indicator = IndicatorBuilder.network(IpNetwork.parse(network), IndicatorKind.LAPTOP_FARM_NETWORK)
                            .createdByRef(MEMBER_IDENTITY).marking(Tlp.AMBER).build();
                }
                signer.sign(indicator);
                envelope.add(indicator);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/trilateral/collections/indicators/objects/"))
                    .header("Accept", "application/taxii+json;version=2.1").header("Content-Type", "application/taxii+json;version=2.1")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(StixJson.mapper().writeValueAsString(Map.of("objects", envelope)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202 || StixJson.mapper().readTree(response.body()).get("success_count").asInt() != envelope.size()) {
                throw new IllegalStateException("publishing answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(400, response.body().length())));
            }
        }
        System.out.printf(Locale.ROOT, "published %,d indicators in %.1f s%n", objects, (System.nanoTime() - start) / 1e9);
        return published;
    }

    private static WalletAddress randomWallet() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return WalletAddress.parse("eip155:1", "0x" + HexFormat.of().formatHex(bytes));
    }

    /** Five identifiers: a published and an unknown wallet, an IP inside a published network and one outside, a token. */
    private static String screening(List<String> published, int i) {
        String wallet = published.get((2 * i) % published.size());
        String network = published.get((2 * i + 1) % published.size());
        String inside = network.substring(0, network.length() - "0/24".length()) + (1 + i % 250);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wallets", List.of(Map.of("chain", "eip155:1", "address", wallet),
                Map.of("chain", "eip155:1", "address", randomWallet().address())));
        body.put("ips", List.of(inside, "192.0.2." + (i % 250)));
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        body.put("persona_tokens", List.of(Map.of("kind", "email", "scheme", "v2-oprf-p256", "digest", "1:" + HexFormat.of().formatHex(digest))));
        return StixJson.mapper().writeValueAsString(body);
    }

    /** 100 identifiers: 25 published and 25 unknown wallets, 25 IPs inside published networks and 25 outside. */
    private static String bulkScreening(List<String> published, int i) {
        List<Map<String, String>> wallets = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            int at = (50 * i + 2 * k) % published.size();
            wallets.add(Map.of("chain", "eip155:1", "address", published.get(at - at % 2)));
            wallets.add(Map.of("chain", "eip155:1", "address", randomWallet().address()));
            String network = published.get(at - at % 2 + 1);
            ips.add(network.substring(0, network.length() - "0/24".length()) + (1 + k));
            ips.add("192.0.2." + k);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wallets", wallets);
        body.put("ips", ips);
        return StixJson.mapper().writeValueAsString(body);
    }

    private static Measurement run(HttpClient http, String url, IntFunction<String> bodies, int requests, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CpuUse cpu = CpuUse.now();
        ThreadCpu threads = ThreadCpu.now();
        long postgresBefore = postgres == null ? -1 : postgres.nanos();
        long start = System.nanoTime();
        List<Future<?>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tasks.add(pool.submit(() -> {
                int r;
                while ((r = next.getAndIncrement()) < requests) {
                    // No bodies: GET (the baseline of an authenticated request); else POST of the r-th body.
                    HttpRequest request = bodies == null
                            ? HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/taxii+json;version=2.1")
                                    .header("Authorization", authorization).GET().build()
                            : HttpRequest.newBuilder(URI.create(url)).header("Content-Type", JSON)
                                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(bodies.apply(r))).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        long nanos = System.nanoTime() - start;
        // Before the client threads end, so that their CPU is still theirs.
        ThreadCpu threadsAfter = ThreadCpu.now();
        CpuUse cpuAfter = CpuUse.now();
        long postgresNanos = postgres == null ? -1 : postgres.nanos() - postgresBefore;
        pool.shutdown();
        return new Measurement(nanos, new ArrayList<>(latencies), cpu, cpuAfter, postgresNanos, threads, threadsAfter);
    }

    private record Measurement(long nanos, List<Long> latencies, CpuUse cpuBefore, CpuUse cpuAfter, long postgresNanos,
                               ThreadCpu threadsBefore, ThreadCpu threadsAfter) {

        void print(String what, int requests, int perRequest) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double seconds = nanos / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d requests in %.2f s = %,.0f requests/s, %,.0f per second of the %d items each;"
                            + " latency p50 %.1f ms, p99 %.1f ms%n", what, requests, seconds, requests / seconds,
                    requests * (double) perRequest / seconds, perRequest,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
            System.out.println(cpuAfter.perObject(cpuBefore, (long) requests * perRequest).replace("per object", "per item"));
            if (postgresNanos >= 0) {
                System.out.printf(Locale.ROOT, "    of which the exchange's PostgreSQL: %.0f µs per item%n",
                        postgresNanos / 1e3 / ((long) requests * perRequest));
            }
            System.out.println(threadsAfter.perItem(threadsBefore, cpuAfter.processNanos() - cpuBefore.processNanos(),
                    (long) requests * perRequest));
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

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void post(HttpClient http, String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", JSON)
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}

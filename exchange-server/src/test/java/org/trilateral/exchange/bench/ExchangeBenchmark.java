package org.trilateral.exchange.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trilateral.exchange.ExchangeApplication;

/**
 * The exchange's throughput under the loads of issue 11, over real HTTP on loopback against an exchange started
 * in-process (docs/performance.md has the command and the figures). Settings are system properties:
 * <ul>
 *   <li>{@code bench.shapes} (default {@code 1x100,4x100,16x100,1x1000,4x1000,16x1000}): ingest loads, each
 *       "publishers x objects per envelope"; every publisher is a different member with its own key;</li>
 *   <li>{@code bench.shape-objects} (20,000): the objects each ingest load publishes in all;</li>
 *   <li>{@code bench.objects} (100,000): the stored objects paging walks (topped up after the ingest loads);</li>
 *   <li>{@code bench.audience-objects} (100,000): objects spread over 41 audiences in another collection, walked by
 *       readers of a tenth or less of them (the audience predicate with many members and groups; 0 skips it);</li>
 *   <li>{@code bench.page} (1,000), {@code bench.warmup} (40,000), {@code bench.proofs} (10,000), and
 *       {@code bench.database-url}, {@code -user}, {@code -password} for an external PostgreSQL.</li>
 * </ul>
 * Envelopes are built and signed before each clock starts: the figures include the exchange's parsing, validation,
 * signature verification, storage, log appends and status, not the clients' signing.
 */
public final class ExchangeBenchmark {

    private static final String ADMIN = "us-agency";
    /** A Japanese company: it reads the indicators without a marking and those marked TLP:GREEN, half of them. */
    private static final String PARTIAL_READER = "jp-crypto-exchange";

    private ExchangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Shape> shapes = Shape.parseAll(System.getProperty("bench.shapes", "1x100,4x100,16x100,1x1000,4x1000,16x1000"));
        long shapeObjects = Long.getLong("bench.shape-objects", 20_000);
        long stored = Long.getLong("bench.objects", 100_000);
        int page = Integer.getInteger("bench.page", 1_000);
        long warmup = Long.getLong("bench.warmup", 40_000);
        String databaseUrl = System.getProperty("bench.database-url", "");
        int publishersNeeded = Math.max(4, shapes.stream().mapToInt(Shape::publishers).max().orElse(4));
        Path data = Files.createTempDirectory("exchange-bench");

        System.out.printf(Locale.ROOT, "benchmark: loads %s of %,d objects each, paging %,d stored objects in pages of %d,"
                        + " %d cores, %s%n", shapes, shapeObjects, stored, page, Runtime.getRuntime().availableProcessors(),
                databaseUrl.isBlank() ? "embedded PostgreSQL in " + data : databaseUrl);
        try (ConfigurableApplicationContext exchange = new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true",
                        "--logging.level.root=WARN",
                        // The benchmark's members make every request: their rate limits would measure the limits.
                        "--exchange.rate-limit.enabled=false",
                        "--exchange.database.url=" + databaseUrl,
                        "--exchange.database.username=" + System.getProperty("bench.database-user", ""),
                        "--exchange.database.password=" + System.getProperty("bench.database-password", ""),
                        "--exchange.database.embedded.data-directory=" + data.resolve("pg"),
                        "--exchange.taxii.limits.max-objects-per-envelope=5000")) {
            BenchHttp http = new BenchHttp(((WebServerApplicationContext) exchange).getWebServer().getPort());
            String admin = http.token(ADMIN);
            List<Publishers.Publisher> publishers = Publishers.create(http, admin, publishersNeeded);
            System.out.printf(Locale.ROOT, "%d publishing members created, each with its own registered key%n", publishers.size());

            long[] warmTally = new long[IndicatorEnvelopes.MARKINGS_OF_A_COMPANY];
            if (warmup > 0) {
                // Warm the JIT and the connection pools in another collection: small runs then measure the exchange.
                Shape warm = new Shape(4, 1000);
                IngestLoad.run(http, "sightings", warm.of(publishers), warm.envelopes(publishers, warmup, warmTally));
                PagingLoad.walk(http, "sightings", admin, page, warmup);
                System.out.printf(Locale.ROOT, "warm-up: %,d objects published and paged in another collection%n", warmup);
            }

            long published = 0;
            for (Shape shape : shapes) {
                List<List<IndicatorEnvelopes.Envelope>> envelopes = shape.envelopes(publishers, shapeObjects);
                WriteStats before = WriteStats.read(http, admin);
                CpuUse cpu = CpuUse.now();
                ThreadCpu threads = ThreadCpu.now();
                Measurement load = IngestLoad.run(http, "indicators", shape.of(publishers), envelopes);
                ThreadCpu threadsAfter = ThreadCpu.now();
                CpuUse spent = CpuUse.now();
                load.print("ingest " + shape);
                System.out.println(WriteStats.read(http, admin).since(before, load.nanos() / 1e9));
                System.out.println(spent.perObject(cpu, load.objects()));
                System.out.println(threadsAfter.perItem(threads, spent.processNanos() - cpu.processNanos(), load.objects()));
                published += shapeObjects;
            }
            if (published < stored) {
                Shape fill = new Shape(4, 1000);
                IngestLoad.run(http, "indicators", fill.of(publishers), fill.envelopes(publishers, stored - published))
                        .print("ingest " + fill + " (filling up to " + String.format(Locale.ROOT, "%,d", stored) + ")");
                published = stored;
            }

            // The first walk also warms PostgreSQL's cache; the second shows the steady state.
            PagingLoad.walk(http, "indicators", admin, page, published).print("paging, reads all (first walk)");
            CpuUse beforeWalk = CpuUse.now();
            Measurement walk = PagingLoad.walk(http, "indicators", admin, page, published);
            CpuUse afterWalk = CpuUse.now();
            walk.print("paging, reads all (second walk)");
            System.out.println(afterWalk.perObject(beforeWalk, walk.objects()));
            PagingLoad.walk(http, "indicators", http.token(PARTIAL_READER), page, -1).print("paging, reads half");
            pagingDuringIngest(http, admin, publishers, page, shapeObjects, published);
            long audienceObjects = Long.getLong("bench.audience-objects", 100_000);
            if (audienceObjects > 0) {
                AudiencePaging.run(http, admin, publishers, "sightings", audienceObjects, warmTally, page);
            }

            LogProofs.measure(HttpClient.newHttpClient(), http.base(), Integer.getInteger("bench.proofs", 10_000), 4, admin);
        } finally {
            deleteRecursively(data);
        }
    }

    /** One reader walking the collection again and again while four publishers write envelopes of 100. */
    private static void pagingDuringIngest(BenchHttp http, String reader, List<Publishers.Publisher> publishers, int page,
                                           long objects, long stored) throws Exception {
        Shape writers = new Shape(4, 100);
        List<List<IndicatorEnvelopes.Envelope>> envelopes = writers.envelopes(publishers, objects);
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Measurement> ingest = CompletableFuture.supplyAsync(() -> {
            try {
                return IngestLoad.run(http, "indicators", writers.of(publishers), envelopes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writing.set(false);
            }
        });
        List<Long> latencies = new ArrayList<>();
        long seen = 0;
        long start = System.nanoTime();
        while (writing.get()) {
            Measurement walk = PagingLoad.walk(http, "indicators", reader, page, -1);
            if (walk.objects() < stored) {
                throw new IllegalStateException("a walk during ingest saw " + walk.objects() + " objects, fewer than the "
                        + stored + " stored before it began");
            }
            latencies.addAll(walk.latencies());
            seen += walk.objects();
        }
        Measurement reading = new Measurement(System.nanoTime() - start, seen, latencies);
        ingest.join().print("ingest " + writers + " while a reader pages");
        reading.print("paging while " + writers + " publish");
    }

    /** An ingest load: {@code publishers} members at once, {@code envelope} objects per POST. */
    record Shape(int publishers, int envelope) {

        static List<Shape> parseAll(String text) {
            List<Shape> shapes = new ArrayList<>();
            for (String part : text.split(",")) {
                String[] pe = part.trim().split("x");
                shapes.add(new Shape(Integer.parseInt(pe[0]), Integer.parseInt(pe[1])));
            }
            return shapes;
        }

        List<Publishers.Publisher> of(List<Publishers.Publisher> all) {
            return all.subList(0, publishers);
        }

        /** Each publisher's signed envelopes; {@code objects} in all, split evenly, with a company's markings. */
        List<List<IndicatorEnvelopes.Envelope>> envelopes(List<Publishers.Publisher> all, long objects) {
            return envelopes(all, objects, new long[IndicatorEnvelopes.MARKINGS_OF_A_COMPANY]);
        }

        /** The same, counting in {@code tally} the objects of each of the company's markings. */
        List<List<IndicatorEnvelopes.Envelope>> envelopes(List<Publishers.Publisher> all, long objects, long[] tally) {
            return envelopes(all, objects,
                    List.of(IndicatorEnvelopes.MARKINGS).subList(0, IndicatorEnvelopes.MARKINGS_OF_A_COMPANY), tally);
        }

        /** The same, the objects' markings cycling through {@code markings}, counted in {@code tally}. */
        List<List<IndicatorEnvelopes.Envelope>> envelopes(List<Publishers.Publisher> all, long objects,
                                                          List<String> markings, long[] tally) {
            List<List<IndicatorEnvelopes.Envelope>> envelopes = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                long own = objects / publishers + (p < objects % publishers ? 1 : 0);
                envelopes.add(IndicatorEnvelopes.of(all.get(p), own, envelope, markings, tally));
            }
            return envelopes;
        }

        @Override
        public String toString() {
            return publishers + " publisher" + (publishers == 1 ? "" : "s") + " x envelopes of " + envelope;
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
}

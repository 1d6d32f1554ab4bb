package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.merkle.ConsistencyProof;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange as its own JVM on an embedded data directory under {@code target/}, killed as the kernel kills
 * (SIGKILL: no shutdown hook runs) and started again by the very same command: nothing it acknowledged is lost, its
 * log only grew, and neither a stale server nor a second exchange needs a manual repair.
 */
class ExchangeCrashRecoveryTest {

    private static final String MEMBER = "us-agency";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String INDICATORS = "/trilateral/collections/indicators/";
    private static final String LOG_ORIGIN = "trilateral-exchange.example/log";
    private static final Duration START = Duration.ofMinutes(3);

    private Path work;

    @BeforeEach
    void workDirectory() throws IOException {
        work = Files.createDirectories(Path.of("target", "crash-recovery", UUID.randomUUID().toString()).toAbsolutePath());
    }

    @AfterEach
    void removeWorkDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void killWhenIngestingThenTheSameCommandBringsItBackWithEveryAcknowledgedObjectAndALogThatOnlyGrew() throws Exception {
        Path data = work.resolve("postgres");
        int port = ExchangeProcess.freePort();
        List<String> command = ExchangeProcess.command(port, data);
        SigningKey key = SigningKey.generate();
        Map<String, ObjectNode> acknowledged = new ConcurrentHashMap<>();
        AtomicReference<Checkpoint> lastServed = new AtomicReference<>();
        NoteVerifierKey logKey;
        Postmaster server;

        try (ExchangeProcess first = ExchangeProcess.start(command, port, work.resolve("first.log")).awaitListening(START)) {
            String token = first.devToken(MEMBER);
            Http http = new Http(first.baseUrl(), token);
            http.expect(201, http.post("/admin/members/" + MEMBER + "/keys", "application/json",
                    "{\"jwk\":" + key.publicKey().toJson() + "}"));
            logKey = NoteVerifierKey.parse(http.expect(200, http.get("/log/key", "text/plain")).strip());
            server = Postmaster.running(data).orElseThrow();

            ExecutorService publishers = Executors.newFixedThreadPool(3);
            for (int p = 0; p < 3; p++) {
                publishers.submit(() -> publishUntilRefused(http, key, logKey, acknowledged, lastServed));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(acknowledged).as("objects acknowledged before the kill").hasSizeGreaterThanOrEqualTo(60);
            // An out-of-memory kill of the whole group: the JVM and its watchdog both get SIGKILL, mid-ingest.
            first.children().forEach(ProcessHandle::destroyForcibly);
            first.kill();
            publishers.shutdown();
            assertThat(publishers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive))
                .as("the killed exchange's PostgreSQL, left running").isPresent();
        Checkpoint before = lastServed.get();

        try (ExchangeProcess second = ExchangeProcess.start(command, port, work.resolve("second.log")).awaitListening(START)) {
            assertThat(second.output()).contains("A PostgreSQL server (process " + server.pid() + ", port " + server.port()
                    + ") still runs on data directory " + data + " although no exchange owns it");
            assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            Http http = new Http(second.baseUrl(), second.devToken(MEMBER));
            for (Map.Entry<String, ObjectNode> object : acknowledged.entrySet()) {
                JsonNode envelope = TestStix.parse(http.expect(200, http.get(INDICATORS + "objects/" + object.getKey() + "/", TAXII)));
                assertThat(envelope.get("objects")).hasSize(1);
                assertThat(envelope.get("objects").get(0)).isEqualTo(object.getValue());
            }
            // The log key is kept in the database: the same key signs the new head.
            assertThat(http.expect(200, http.get("/log/key", "text/plain")).strip()).isEqualTo(logKey.format());
            Checkpoint after = checkpoint(http, logKey);
            assertThat(after.size()).isGreaterThanOrEqualTo(before.size());
            JsonNode proof = TestStix.parse(http.expect(200,
                    http.get("/log/proof/consistency?from=" + before.size() + "&to=" + after.size(), "application/json")));
            List<byte[]> hashes = new ArrayList<>();
            proof.get("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.stringValue())));
            new ConsistencyProof(before.size(), after.size(), hashes).verify(before.rootHash(), after.rootHash());
        }
        // A normal stop (SIGTERM) stops the server through the shutdown hook.
        assertThat(Postmaster.running(data)).isEmpty();
    }

    @Test
    void startWhenAnExchangeRunsOnTheDirectoryThenOneLineAndWhenThatOneIsKilledItsServerStopsWithIt() throws Exception {
        Path data = work.resolve("postgres");
        int port = ExchangeProcess.freePort();
        try (ExchangeProcess running = ExchangeProcess.start(ExchangeProcess.command(port, data), port,
                work.resolve("running.log")).awaitListening(START)) {
            Postmaster server = Postmaster.running(data).orElseThrow();

            int otherPort = ExchangeProcess.freePort();
            ExchangeProcess second = ExchangeProcess.start(ExchangeProcess.command(otherPort, data), otherPort,
                    work.resolve("second.log"));
            assertThat(second.awaitExit(START)).isEqualTo(1);
            String output = second.output();
            String expected = "data directory " + data + " is in use by exchange process " + running.pid();
            assertThat(output.lines().filter(line -> !line.isBlank()))
                    .as("what the refused start printed")
                    .singleElement().asString()
                    .contains("ERROR")
                    .contains(expected)
                    .contains("stop that exchange (kill " + running.pid() + ")")
                    .contains("--exchange.database.embedded.data-directory=");
            assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).as("the running exchange's server").isPresent();

            // SIGKILL of the JVM alone: its watchdog stops the server.
            running.kill();
            ProcessHandle.of(server.pid()).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            assertThat(Postmaster.running(data)).isEmpty();
        }
    }

    private static void publishUntilRefused(Http http, SigningKey key, NoteVerifierKey logKey,
                                            Map<String, ObjectNode> acknowledged, AtomicReference<Checkpoint> lastServed) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<ObjectNode> objects = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ObjectNode indicator = TestStix.indicator();
                    indicator.put("created_by_ref", MEMBER_IDENTITY);
                    objects.add(TestStix.sign(indicator, key));
                }
                HttpResponse<String> response = http.post(INDICATORS + "objects/", TAXII, TestStix.envelope(objects));
                JsonNode status = TestStix.parse(http.expect(202, response));
                for (JsonNode success : status.get("successes")) {
                    String id = success.get("id").asString();
                    objects.stream().filter(o -> o.get("id").asString().equals(id)).findFirst()
                            .ifPresent(o -> acknowledged.put(id, o));
                }
                Checkpoint served = checkpoint(http, logKey);
                lastServed.accumulateAndGet(served, (a, b) -> a == null || b.size() > a.size() ? b : a);
            }
        } catch (UncheckedIOException killed) {
            // The exchange is gone: what was acknowledged until now is what must survive.
        }
    }

    private static Checkpoint checkpoint(Http http, NoteVerifierKey logKey) {
        return Checkpoint.openSigned(http.expect(200, http.get("/log/checkpoint", "text/plain")), LOG_ORIGIN, List.of(logKey));
    }

    /** Calls as one member with its bearer token. */
    private record Http(String baseUrl, String token) {

        HttpResponse<String> get(String path, String accept) {
            return ExchangeProcess.Http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build());
        }

        HttpResponse<String> post(String path, String contentType, String body) {
            return ExchangeProcess.Http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).header("Accept", contentType.equals(TAXII) ? TAXII : "*/*")
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        String expect(int status, HttpResponse<String> response) {
            assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                    response.body()).isEqualTo(status);
            return response.body();
        }
    }
}

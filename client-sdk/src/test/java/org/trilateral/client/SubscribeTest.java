package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.client.cli.ExchangeCli;
import org.trilateral.client.internal.ChangeSubscription;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK's {@code subscribe} and the CLI's {@code watch} against the real exchange (docs/delivery.md, docs/sdk.md):
 * changes arrive verified, deletions included; the subscription reconnects and resumes by itself when the exchange
 * closes it (here: {@code max-behind} 1, so a two-object publication closes it), and a cursor resumes a later run
 * exactly after the last change handled.
 */
class SubscribeTest {

    private static final String ORIGIN = "trilateral-exchange.example/log";
    private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN);

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static SigningKey memberKey;

    @BeforeAll
    static void start() {
        exchange = RunningExchange.start(directory.resolve("postgres"), "--exchange.log.signing-key=" + LOG_KEY.format(),
                "--exchange.delivery.max-behind=1", "--exchange.delivery.heartbeat=1s", "--exchange.expiry.interval=1s");
        memberKey = SigningKey.generate();
        exchange.clientBuilder().build().registerOwnKey(memberKey, memberKey, false);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static ExchangeClient client(CursorStore cursors) {
        TrustPolicy policy = TrustPolicy.builder().logKey(LOG_KEY.verifierKey())
                .ownKeys(RunningExchange.MEMBER_ID, Set.of(memberKey.kid())).build();
        return exchange.clientBuilder().signingKey(memberKey).trust(policy).cursorStore(cursors)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), 0.2, Duration.ofSeconds(1)))
                .build();
    }

    private static ObjectNode wallet(String address) {
        return new Indicators(RunningExchange.MEMBER_IDENTITY).wallet("eip155:1:" + address, Tlp.GREEN);
    }

    @Test
    void subscribeWhenObjectsAddedAndDeletedThenVerifiedChangesInOrderAcrossAReconnection() {
        ExchangeClient client = client(new InMemoryCursorStore());
        long head = exchange.logSize();
        ObjectNode first = wallet("0x1111111111111111111111111111111111111111");
        ObjectNode second = wallet("0x2222222222222222222222222222222222222222");

        List<ChangeEvent> events = client.reactive().subscribe(SubscribeRequest.of("indicators").from(head))
                .doOnSubscribe(s -> new Thread(() -> {
                    // Two objects in one publication: the exchange finds the subscriber 2 > max-behind positions behind,
                    // closes the stream, and the SDK reconnects from where it was.
                    pause(500);
                    assertThat(client.publish("indicators", List.of(first, second)).allAccepted()).isTrue();
                    delete(first.get("id").stringValue());
                }).start())
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(events).extracting(ChangeEvent::kind)
                .containsExactly(ChangeEvent.Kind.ADDED, ChangeEvent.Kind.ADDED, ChangeEvent.Kind.DELETED);
        assertThat(events.get(0).id()).isEqualTo(first.get("id").stringValue());
        assertThat(events.get(2).id()).isEqualTo(first.get("id").stringValue());
        assertThat(events.get(2).object()).isEmpty();
        assertThat(events.get(2).verification()).as("the deletion's tombstone opening is verified").hasValueSatisfying(
                v -> assertThat(v.ok()).as(v.detail()).isTrue());
        assertThat(events.get(2).applicable()).isTrue();
        assertThat(events.subList(0, 2)).allSatisfy(e -> assertThat(e.verification()).hasValueSatisfying(
                v -> assertThat(v.ok()).as(v.detail()).isTrue()));
        assertThat(events).extracting(ChangeEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void subscribeWhenResumedWithACursorThenExactlyAfterTheLastChangeHandled() {
        CursorStore cursors = new InMemoryCursorStore();
        long head = exchange.logSize();
        ExchangeClient client = client(cursors);
        client.publish("sightings", List.of(wallet("0x3333333333333333333333333333333333333333")));
        client.publish("sightings", List.of(wallet("0x4444444444444444444444444444444444444444")));
        client.publish("sightings", List.of(wallet("0x5555555555555555555555555555555555555555")));
        SubscribeRequest request = SubscribeRequest.of("sightings").from(head).withCursor("mine");

        long firstPosition;
        try (ChangeSubscription subscription = client.subscribe(request)) {
            firstPosition = subscription.next().data().get("position").longValue();
            subscription.next();
        }
        // The second change was handed out but not handled (no next() after it): it comes again, then the third.
        List<ChangeEvent> resumed = client.reactive().subscribe(request).take(2).collectList().block(Duration.ofSeconds(30));

        assertThat(cursors.load("mine")).isPresent();
        assertThat(resumed).extracting(ChangeEvent::position).allSatisfy(p -> assertThat(p).isGreaterThan(firstPosition));
        assertThat(resumed).hasSize(2);
    }

    @Test
    void watchWhenRunTwiceWithACursorThenJsonLinesResumeWithoutRepeat() throws Exception {
        long head = exchange.logSize();
        ExchangeClient client = client(new InMemoryCursorStore());
        client.publish("sightings", List.of(wallet("0x6666666666666666666666666666666666666666")));
        client.publish("sightings", List.of(wallet("0x7777777777777777777777777777777777777777")));
        client.publish("sightings", List.of(wallet("0x8888888888888888888888888888888888888888")));
        Path key = directory.resolve("watch-member.jwk");
        java.nio.file.Files.writeString(key, memberKey.toPrivateJson().toString());
        String[] common = {"watch", "--url", exchange.baseUrl().toString(), "--token", exchange.token(),
                "--collection", "sightings", "--from", Long.toString(head), "--cursor", "cli",
                "--cursor-dir", directory.resolve("cursors").toString(), "--log-key", LOG_KEY.verifierKey().format(),
                "--key", key.toString(), "--state-dir", directory.resolve("watch-state").toString()};

        List<JsonNode> firstRun = watch(common, "2");
        List<JsonNode> secondRun = watch(common, "1");

        assertThat(firstRun).hasSize(2);
        assertThat(secondRun).hasSize(1);
        assertThat(secondRun.get(0).get("position").longValue()).isGreaterThan(firstRun.get(1).get("position").longValue());
        assertThat(firstRun.get(0).get("kind").stringValue()).isEqualTo("added");
        assertThat(firstRun.get(0).get("object").get("type").stringValue()).isEqualTo("indicator");
    }

    @Test
    void verifyWhenADeletionsOpeningIsTamperedThenRefusedAndNotApplicable() {
        ExchangeClient client = client(new InMemoryCursorStore());
        long head = exchange.logSize();
        ObjectNode kept = wallet("0x9999999999999999999999999999999999999999");
        ObjectNode deleted = wallet("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(client.publish("indicators", List.of(kept, deleted)).allAccepted()).isTrue();
        delete(deleted.get("id").stringValue());
        JsonNode page = StixJson.mapper().readTree(get("/changes?collection=indicators&from=" + head));
        JsonNode added = null;
        JsonNode deletion = null;
        for (JsonNode event : page.get("events")) {
            if (event.get("kind").stringValue().equals("deleted")) {
                deletion = event;
            } else if (event.get("id").stringValue().equals(kept.get("id").stringValue())) {
                added = event;
            }
        }
        assertThat(deletion).as(page.toString()).isNotNull();

        ChangeEvent genuine = client.verify(ChangeEvent.parse(deletion, 0, null));
        assertThat(genuine.applicable()).as(genuine.verification().toString()).isTrue();

        ObjectNode otherDeleter = (ObjectNode) deletion.deepCopy();
        ((ObjectNode) otherDeleter.get("opening").get("entry")).put("deleted_by", "someone-else");
        ObjectNode otherObject = (ObjectNode) deletion.deepCopy();
        otherObject.put("id", kept.get("id").stringValue());
        ObjectNode notATombstone = (ObjectNode) deletion.deepCopy();
        notATombstone.set("opening", added.get("opening"));
        ObjectNode otherVersion = (ObjectNode) deletion.deepCopy();
        otherVersion.put("version", "2030-01-01T00:00:00.000Z");
        for (ObjectNode tampered : List.of(otherDeleter, otherObject, notATombstone, otherVersion)) {
            ChangeEvent checked = client.verify(ChangeEvent.parse(tampered, 0, null));
            assertThat(checked.applicable()).as(tampered.toString()).isFalse();
            assertThat(checked.verification().orElseThrow().failure()).isEqualTo(VerificationFailure.LEAF_MISMATCH);
        }
    }

    @Test
    void verifyWhenAnIndicatorExpiredThenItsExpiryChecksAgainstTheLogAndATamperedOneIsRefused() {
        ExchangeClient client = client(new InMemoryCursorStore());
        long head = exchange.logSize();
        ObjectNode expired = new Indicators(RunningExchange.MEMBER_IDENTITY)
                .ip("198.51.100.77", org.trilateral.taxonomy.vocabulary.IndicatorKind.VPN_EXIT, Tlp.GREEN);
        expired.put("valid_from", "2025-01-01T00:00:00.000Z").put("valid_until", "2025-06-01T00:00:00.000Z");
        assertThat(client.publish("indicators", List.of(expired)).allAccepted()).isTrue();
        JsonNode expiry = null;
        JsonNode added = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (expiry == null && System.nanoTime() < deadline) {
            for (JsonNode event : StixJson.mapper().readTree(get("/changes?collection=indicators&from=" + head)).get("events")) {
                if (event.get("id").stringValue().equals(expired.get("id").stringValue())) {
                    if (event.get("kind").stringValue().equals("expired")) {
                        expiry = event;
                    } else {
                        added = event;
                    }
                }
            }
            pause(200);
        }
        assertThat(expiry).as("the schedule logs the expiry within seconds").isNotNull();

        ChangeEvent genuine = client.verify(ChangeEvent.parse(expiry, 0, null));
        assertThat(genuine.kind()).isEqualTo(ChangeEvent.Kind.EXPIRED);
        assertThat(genuine.applicable()).as(genuine.verification().toString()).isTrue();
        assertThat(genuine.verification().orElseThrow().detail()).contains("expired at 2025-06-01T00:00:00.000Z");

        ObjectNode otherValidUntil = (ObjectNode) expiry.deepCopy();
        ((ObjectNode) otherValidUntil.get("opening").get("entry")).put("valid_until", "2030-01-01T00:00:00.000Z");
        ObjectNode notAnExpiry = (ObjectNode) expiry.deepCopy();
        notAnExpiry.set("opening", added.get("opening"));
        ObjectNode otherVersion = (ObjectNode) expiry.deepCopy();
        otherVersion.put("version", "2030-01-01T00:00:00.000Z");
        for (ObjectNode tampered : List.of(otherValidUntil, notAnExpiry, otherVersion)) {
            ChangeEvent checked = client.verify(ChangeEvent.parse(tampered, 0, null));
            assertThat(checked.applicable()).as(tampered.toString()).isFalse();
            assertThat(checked.verification().orElseThrow().failure()).isEqualTo(VerificationFailure.LEAF_MISMATCH);
        }
    }

    @Test
    void advisoriesWhenPublishedBehindABacklogThenDeliveredFirstVerifiedAndAcknowledged() throws Exception {
        ExchangeClient client = client(new InMemoryCursorStore());
        long head = exchange.logSize();
        List<ObjectNode> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            backlog.add(wallet("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb0" + i));
        }
        assertThat(client.publish("indicators", backlog).allAccepted()).isTrue();
        ObjectNode indicator = wallet("0xcccccccccccccccccccccccccccccccccccccccc");
        ObjectNode report = StixJson.mapper().createObjectNode().put("type", "report").put("spec_version", "2.1")
                .put("id", "report--" + java.util.UUID.randomUUID()).put("created", "2026-01-01T00:00:00.000Z")
                .put("modified", "2026-01-01T00:00:00.000Z").put("name", "Laptop farm exits")
                .put("published", "2026-01-01T00:00:00.000Z").put("created_by_ref", RunningExchange.MEMBER_IDENTITY);
        report.putArray("object_refs").add(indicator.get("id").stringValue());
        report.putArray("object_marking_refs").add(Tlp.GREEN.id());
        assertThat(client.publish("advisories", List.of(report, indicator)).allAccepted()).isTrue();
        String id = report.get("id").stringValue();

        List<ChangeEvent> events = client.reactive().subscribe(SubscribeRequest.all().from(head)).take(5)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(events.subList(0, 2)).extracting(ChangeEvent::collectionAlias).containsOnly("advisories");
        assertThat(events.subList(0, 2)).filteredOn(ChangeEvent::advisory).extracting(ChangeEvent::id).containsExactly(id);
        assertThat(events.subList(2, 5)).extracting(ChangeEvent::collectionAlias).containsOnly("indicators");
        assertThat(client.receipts(id)).filteredOn(r -> r.member().equals(RunningExchange.MEMBER_ID))
                .singleElement().satisfies(r -> assertThat(r.channel()).contains("stream"));

        Advisory advisory = client.reactive().advisories(SubscribeRequest.of("advisories").from(head)).blockFirst(
                Duration.ofSeconds(60));
        assertThat(advisory.id()).isEqualTo(id);
        assertThat(advisory.objects()).extracting(o -> o.get("id").stringValue())
                .containsExactly(indicator.get("id").stringValue());
        assertThat(advisory.verification()).hasSize(2);
        assertThat(advisory.verified()).as(advisory.verification().toString()).isTrue();
        assertThat(advisory.issuer()).isEqualTo(RunningExchange.MEMBER_ID);
        assertThat(advisory.tlp()).isEqualTo("green");
        assertThat(client.advisories(10)).extracting(Advisory.Summary::id).first().isEqualTo(id);

        String[] connection = {"--url", exchange.baseUrl().toString(), "--token", exchange.token()};
        List<String> listed = cli(concat(new String[] {"advisories", "--limit", "5"}, connection));
        assertThat(StixJson.mapper().readTree(listed.get(0)).get("id").stringValue()).isEqualTo(id);
        List<String> acked = cli(concat(new String[] {"advisory", "ack", id}, connection));
        assertThat(StixJson.mapper().readTree(acked.get(0)).get("person").isString()).isTrue();
        assertThat(client.receipts(id)).filteredOn(r -> r.member().equals(RunningExchange.MEMBER_ID))
                .singleElement().satisfies(r -> assertThat(r.personAcknowledgedAt()).isPresent());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    private static List<String> cli(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            exchange.baseUrl().resolve(URI.create(path)))
                    .header("Authorization", "Bearer " + exchange.token()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> watch(String[] common, String maxEvents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                java.util.stream.Stream.of("--max-events", maxEvents)).toArray(String[]::new);
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> StixJson.mapper().readTree(line)).toList();
    }

    private static void delete(String id) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            exchange.baseUrl().resolve(URI.create("/trilateral/collections/indicators/objects/" + id + "/")))
                    .header("Authorization", "Bearer " + exchange.token())
                    .header("Accept", "application/taxii+json;version=2.1").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

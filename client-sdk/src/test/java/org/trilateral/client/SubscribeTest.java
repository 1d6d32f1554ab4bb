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
                "--exchange.delivery.max-behind=1", "--exchange.delivery.heartbeat=1s");
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
        String[] common = {"watch", "--url", exchange.baseUrl().toString(), "--token", exchange.token(),
                "--collection", "sightings", "--from", Long.toString(head), "--cursor", "cli",
                "--cursor-dir", directory.resolve("cursors").toString()};

        List<JsonNode> firstRun = watch(common, "2");
        List<JsonNode> secondRun = watch(common, "1");

        assertThat(firstRun).hasSize(2);
        assertThat(secondRun).hasSize(1);
        assertThat(secondRun.get(0).get("position").longValue()).isGreaterThan(firstRun.get(1).get("position").longValue());
        assertThat(firstRun.get(0).get("kind").stringValue()).isEqualTo("added");
        assertThat(firstRun.get(0).get("object").get("type").stringValue()).isEqualTo("indicator");
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

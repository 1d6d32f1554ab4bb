package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.log.ExpiryRecord;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.vocabulary.Sector;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expiry in the log and on the delivery surfaces (docs/delivery.md "Expiry"), against the running exchange with its
 * schedule on: an indicator whose {@code valid_until} passes becomes an {@code expired} event after its {@code added}
 * one, live on a stream and in the change feed, with an opening a reader checks; only the latest, unrevoked version
 * expires, once however many runs race; and a TLP:RED expiry is, for an outsider, a position without an object.
 */
@TestPropertySource(properties = {"exchange.expiry.interval=1s", "exchange.delivery.heartbeat=1s"})
class ObjectExpiryTest extends ExchangeIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final String LONG_AGO = "2025-06-01T00:00:00.000Z";

    @Autowired
    ObjectExpiry expiry;

    private TestMember publisher;
    private TestMember recipient;
    private TestMember outsider;

    @BeforeEach
    void members() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        publisher = register("kr-exp-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        recipient = register("jp-exp-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        outsider = register("us-exp-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
    }

    @Test
    void streamWhenValidUntilPassesThenExpiredEventFollowsTheAddedOneWithItsOpening() {
        List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = WebClient.create(baseUrl()).get().uri("/changes/stream?collection=indicators")
                .header("Authorization", "Bearer " + testIssuer().token(recipient.id()))
                .retrieve().bodyToFlux(SSE).subscribe(events::add);
        try {
            awaitEvents(events, "ready", 1);
            String validUntil = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
            ObjectNode indicator = expiring(green(), validUntil);
            long added = publish(indicator);

            awaitEvents(events, "expired", 1);

            JsonNode event = events.stream().filter(e -> "expired".equals(e.event())).map(e -> TestStix.parse(e.data()))
                    .findFirst().orElseThrow();
            assertThat(event.get("id").stringValue()).isEqualTo(indicator.get("id").stringValue());
            assertThat(event.get("version").stringValue()).isEqualTo(indicator.get("modified").stringValue());
            assertThat(event.get("position").longValue()).isGreaterThan(added);
            assertThat(event.has("object")).as("the version stays stored; the event names it").isFalse();
            ExpiryRecord record = (ExpiryRecord) LeafOpening.parse(event.get("opening")).openedEntry();
            assertThat(record.validUntil()).isEqualTo(validUntil);
            assertThat(record.publisher()).isEqualTo(publisher.id());
            assertThat(Instant.parse(record.accepted())).isAfterOrEqualTo(Instant.parse(validUntil));
            assertThat(kinds(feed(recipient.client(), "/changes?collection=indicators&from=" + added), indicator))
                    .containsExactly("added", "expired");
            // Still stored: the expired version is served to a reader who asks for invalid objects too.
            assertThat(recipient.taxii().getJson(Taxii.INDICATORS + "objects/?match[include_invalid]=true&match[id]="
                    + indicator.get("id").stringValue()).get("objects")).hasSize(1);
            assertThat(recipient.taxii().getJson(Taxii.INDICATORS + "objects/?match[id]="
                    + indicator.get("id").stringValue()).has("objects")).isFalse();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void expiryWhenSupersededRevokedOrStillValidThenNotAnnounced() {
        ObjectNode superseded = expiring(green(), LONG_AGO);
        ObjectNode current = superseded.deepCopy().put("modified", "2026-02-01T00:00:00.000Z")
                .put("valid_until", "2999-01-01T00:00:00.000Z");
        current.remove("signatures");
        ObjectNode revoked = expiring(green(), LONG_AGO).put("revoked", true);
        ObjectNode future = expiring(green(), "2999-01-01T00:00:00.000Z");
        // Both versions in one envelope: the first is never the latest, not even between two runs of the schedule.
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(superseded, current));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(2);
        long first = status.get("successes").get(0).get("log_index").longValue();
        publish(revoked);
        publish(future);

        expiry.runOnce().block();

        List<JsonNode> changes = feed(recipient.client(), "/changes?collection=indicators&from=" + first);
        assertThat(changes).extracting(e -> e.get("kind").stringValue()).doesNotContain("expired");
    }

    @Test
    void expiryWhenRunsRaceThenEachExpiryIsLoggedOnce() {
        List<ObjectNode> expired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expired.add(expiring(green(), LONG_AGO));
        }
        long first = publish(expired.get(0));
        publish(expired.get(1));
        publish(expired.get(2));

        Mono.zip(expiry.runOnce(), expiry.runOnce(), expiry.runOnce()).block();
        expiry.runOnce().block();

        List<JsonNode> changes = feed(recipient.client(), "/changes?collection=indicators&from=" + first);
        for (ObjectNode object : expired) {
            assertThat(kinds(changes, object)).containsExactly("added", "expired");
        }
    }

    @Test
    void feedWhenOutsiderThenARedExpiryIsAnsweredAsAPositionWithoutAnObject() {
        ObjectNode red = expiring(TestStix.redFor(publisher.identityId(), recipient.identityId()), LONG_AGO);
        long added = publish(red);
        expiry.runOnce().block();
        JsonNode expiredEvent = feed(recipient.client(), "/changes?collection=indicators&from=" + added).stream()
                .filter(e -> e.get("kind").stringValue().equals("expired")
                        && e.get("id").stringValue().equals(red.get("id").stringValue()))
                .findFirst().orElseThrow();
        long position = expiredEvent.get("position").longValue();
        // A position that holds no object: the outsider's own key registration.
        long keyEvent = added - 1;
        while (!TestStix.parse(body(outsider.client(), "/log/leaves/" + keyEvent)).get("leaf").has("kind")) {
            keyEvent--;
        }

        String forRed = body(outsider.client(), "/changes?from=" + position + "&to=" + (position + 1));
        String forNothing = body(outsider.client(), "/changes?from=" + keyEvent + "&to=" + (keyEvent + 1))
                .replace("\"next\":" + (keyEvent + 1), "\"next\":" + (position + 1));

        assertThat(forRed).isEqualTo(forNothing).isEqualTo("{\"events\":[],\"next\":" + (position + 1) + ",\"more\":false}");
        assertThat(feed(publisher.client(), "/changes?from=" + position + "&to=" + (position + 1))).hasSize(1);
    }

    // --- helpers

    /** A fresh TLP:GREEN indicator by the publisher. */
    private ObjectNode green() {
        return TestStix.markedBy(TestStix.indicator(), publisher.identityId(), Tlp.GREEN);
    }

    private static ObjectNode expiring(ObjectNode indicator, String validUntil) {
        return indicator.put("valid_from", "2025-01-01T00:00:00.000Z").put("valid_until", validUntil);
    }

    private long publish(ObjectNode object) {
        JsonNode status = publisher.taxii().publish(Taxii.INDICATORS, TestStix.envelope(object));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
        return status.get("successes").get(0).get("log_index").longValue();
    }

    private static List<String> kinds(List<JsonNode> events, ObjectNode object) {
        return events.stream().filter(e -> e.get("id").stringValue().equals(object.get("id").stringValue()))
                .map(e -> e.get("kind").stringValue()).toList();
    }

    private static List<JsonNode> feed(WebTestClient client, String path) {
        List<JsonNode> events = new ArrayList<>();
        TestStix.parse(body(client, path)).get("events").forEach(events::add);
        return events;
    }

    private static String body(WebTestClient client, String path) {
        EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectStatus().isOk()
                .expectBody().returnResult();
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static void awaitEvents(List<ServerSentEvent<String>> events, String kind, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events.stream().filter(e -> kind.equals(e.event())).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " '" + kind + "' events in 30 s: " + events);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

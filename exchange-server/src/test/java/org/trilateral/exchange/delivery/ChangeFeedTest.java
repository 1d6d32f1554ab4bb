package org.trilateral.exchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.vocabulary.Sector;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change feed and the streams against the running exchange (docs/delivery.md): what they carry, that deletions and
 * revocations reach them, that they resume exactly, that they obey the read rule (a publisher, the TLP:RED recipient it
 * names and an outsider, the outsider's answer compared with its answer where no object is), and each refusal.
 */
@TestPropertySource(properties = "exchange.delivery.heartbeat=1s")
class ChangeFeedTest extends ExchangeIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final String LATER = "2026-06-01T00:00:00.000Z";

    private TestMember publisher;
    private TestMember recipient;
    private TestMember outsider;

    @BeforeEach
    void members() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        publisher = register("kr-pub-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        recipient = register("jp-rcp-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        outsider = register("us-out-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
    }

    @Test
    void feedWhenObjectAddedThenEventCarriesTheObjectAsTaxiiServesItAndItsOpening() {
        ObjectNode indicator = green();
        long index = publish(publisher, indicator);

        JsonNode event = only(feed(outsider.client(), "/changes?from=" + index + "&to=" + (index + 1)));

        String id = indicator.get("id").stringValue();
        assertThat(event.get("position").longValue()).isEqualTo(index);
        assertThat(event.get("kind").stringValue()).isEqualTo("added");
        assertThat(event.get("collection_alias").stringValue()).isEqualTo("indicators");
        assertThat(event.get("id").stringValue()).isEqualTo(id);
        assertThat(event.get("type").stringValue()).isEqualTo("indicator");
        assertThat(event.get("object")).isEqualTo(outsider.taxii().getJson(Taxii.INDICATORS + "objects/" + id + "/")
                .get("objects").get(0));
        assertThat(event.get("opening")).isEqualTo(TestStix.parse(body(outsider.client(), "/log/openings/" + index).body()));
    }

    @Test
    void feedWhenObjectDeletedOrRevokedThenThoseAreEventsToo() {
        ObjectNode indicator = green();
        long added = publish(publisher, indicator);
        ObjectNode revoked = indicator.deepCopy();
        revoked.put("modified", LATER);
        revoked.put("revoked", true);
        revoked.remove("signatures");
        long revokedAt = publish(publisher, revoked);
        String id = indicator.get("id").stringValue();
        client().delete().uri(Taxii.INDICATORS + "objects/" + id + "/").header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .exchange().expectStatus().isOk();

        JsonNode page = TestStix.parse(body(recipient.client(), "/changes?from=" + added + "&collection=indicators").body());

        List<String> kinds = new ArrayList<>();
        page.get("events").forEach(e -> kinds.add(e.get("kind").stringValue() + "@" + e.get("version").stringValue()));
        // The added versions are gone from the store, so only the deletions of both remain to be told.
        assertThat(kinds).containsExactlyInAnyOrder("deleted@" + indicator.get("modified").stringValue(), "deleted@" + LATER);
        assertThat(page.get("events").get(0).has("object")).isFalse();
        assertThat(page.get("events").get(0).get("opening").get("entry").get("kind").stringValue()).isEqualTo("tombstone");
        assertThat(page.get("more").booleanValue()).isFalse();
        assertThat(revokedAt).isGreaterThan(added);
    }

    @Test
    void feedWhenRevokedVersionStoredThenItsEventIsRevoked() {
        ObjectNode indicator = green();
        publish(publisher, indicator);
        ObjectNode revoked = indicator.deepCopy();
        revoked.put("modified", LATER);
        revoked.put("revoked", true);
        revoked.remove("signatures");
        long index = publish(publisher, revoked);

        JsonNode event = only(feed(recipient.client(), "/changes?from=" + index + "&to=" + (index + 1)));

        assertThat(event.get("kind").stringValue()).isEqualTo("revoked");
        assertThat(event.get("object").get("revoked").booleanValue()).isTrue();
    }

    @Test
    void feedWhenTypeFilteredThenOnlyThoseTypes() {
        long index = publish(publisher, green());

        assertThat(feed(recipient.client(), "/changes?from=" + index + "&type=ipv4-addr")).isEmpty();
        assertThat(feed(recipient.client(), "/changes?from=" + index + "&type=ipv4-addr,indicator")).hasSize(1);
        assertThat(feed(recipient.client(), "/changes?from=" + index + "&collection=sightings")).isEmpty();
    }

    @Test
    void feedWhenOutsiderThenARedChangeIsAnsweredAsAPositionWithoutAnObject() {
        long red = publish(publisher, TestStix.redFor(publisher.identityId(), recipient.identityId()));
        // A position that holds no object: the outsider's own key registration.
        long keyEvent = red - 1;
        while (!TestStix.parse(body(outsider.client(), "/log/leaves/" + keyEvent).body()).get("leaf").has("kind")) {
            keyEvent--;
        }

        Answer forRed = body(outsider.client(), "/changes?from=" + red + "&to=" + (red + 1));
        Answer forNothing = body(outsider.client(), "/changes?from=" + keyEvent + "&to=" + (keyEvent + 1))
                .replace("\"next\":" + (keyEvent + 1), "\"next\":" + (red + 1));

        assertThat(forRed).isEqualTo(forNothing);
        assertThat(forRed.body()).isEqualTo("{\"events\":[],\"next\":" + (red + 1) + ",\"more\":false}");
        assertThat(feed(recipient.client(), "/changes?from=" + red + "&to=" + (red + 1))).hasSize(1);
        assertThat(feed(publisher.client(), "/changes?from=" + red + "&to=" + (red + 1))).hasSize(1);
    }

    @Test
    void streamWhenSubscribedThenLiveChangesInOrderAndARedOneOnlyToItsReaders() {
        Flux<ServerSentEvent<String>> forRecipient = stream(recipient.id(), "/changes/stream?collection=indicators");
        Flux<ServerSentEvent<String>> forOutsider = stream(outsider.id(), "/changes/stream");
        List<ServerSentEvent<String>> recipientEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ServerSentEvent<String>> outsiderEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        var a = forRecipient.subscribe(recipientEvents::add);
        var b = forOutsider.subscribe(outsiderEvents::add);
        try {
            awaitEvents(recipientEvents, "ready", 1);
            awaitEvents(outsiderEvents, "ready", 1);
            long red = publish(publisher, TestStix.redFor(publisher.identityId(), recipient.identityId()));
            long green = publish(publisher, green());

            awaitEvents(recipientEvents, "added", 2);
            awaitEvents(outsiderEvents, "added", 1);
            assertThat(positions(recipientEvents)).containsExactly(red, green);
            assertThat(positions(outsiderEvents)).containsExactly(green);
            assertThat(recipientEvents.stream().filter(e -> "added".equals(e.event())).map(ServerSentEvent::id))
                    .containsExactly(Long.toString(red + 1), Long.toString(green + 1));
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    @Test
    void streamWhenResumedWithLastEventIdThenExactlyWhatFollows() {
        long first = publish(publisher, green());
        long second = publish(publisher, green());
        long third = publish(publisher, green());

        List<ServerSentEvent<String>> fromFirst = WebClient.create(baseUrl()).get().uri("/changes/stream?from=" + first)
                .header("Authorization", "Bearer " + testIssuer().token(recipient.id()))
                .retrieve().bodyToFlux(SSE).filter(e -> "added".equals(e.event())).take(3)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(positions(fromFirst)).containsExactly(first, second, third);

        List<ServerSentEvent<String>> resumed = WebClient.create(baseUrl()).get().uri("/changes/stream?from=0")
                .header("Authorization", "Bearer " + testIssuer().token(recipient.id()))
                .header("Last-Event-ID", fromFirst.get(0).id())
                .retrieve().bodyToFlux(SSE).filter(e -> "added".equals(e.event())).take(2)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(positions(resumed)).containsExactly(second, third);
    }

    @Test
    void streamWhenIdleThenHeartbeatsCarryThePositionToResumeFrom() {
        long head = TestStix.parse(body(recipient.client(), "/changes").body()).get("next").longValue();
        // A red change for someone else moves the head; the recipient's heartbeat then says it can resume after it.
        List<ServerSentEvent<String>> events = WebClient.create(baseUrl()).get().uri("/changes/stream")
                .header("Authorization", "Bearer " + testIssuer().token(outsider.id()))
                .retrieve().bodyToFlux(SSE)
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .doOnNext(e -> {
                    if ("ready".equals(e.event())) {
                        publish(publisher, TestStix.redFor(publisher.identityId(), recipient.identityId()));
                    }
                })
                .filter(e -> e.comment() != null && e.id() != null && Long.parseLong(e.id()) > head)
                .take(1).collectList().block(Duration.ofSeconds(40));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).comment()).isEqualTo("heartbeat");
    }

    @Test
    void streamWhenMemberSuspendedThenClosedWithTheReasonAtTheNextHeartbeat() {
        TestMember watcher = register("sus-" + UUID.randomUUID().toString().substring(0, 8), Nation.US, Sector.GOVERNMENT,
                Role.CONSUMER);
        List<ServerSentEvent<String>> events = WebClient.create(baseUrl()).get().uri("/changes/stream")
                .header("Authorization", "Bearer " + testIssuer().token(watcher.id()))
                .retrieve().bodyToFlux(SSE)
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .doOnNext(e -> {
                    if ("ready".equals(e.event())) {
                        client().post().uri("/admin/members/" + watcher.id() + "/suspend").exchange()
                                .expectStatus().is2xxSuccessful();
                    }
                })
                .filter(e -> "closed".equals(e.event()))
                .collectList().block(Duration.ofSeconds(40));
        assertThat(events).as("the stream ends after one closed event").hasSize(1);
        assertThat(TestStix.parse(events.get(0).data()).get("reason").asString())
                .isEqualTo("member '" + watcher.id() + "' is suspended");
    }

    @Test
    void changesWhenNoTokenThen401ProblemDetails() {
        for (String path : List.of("/changes", "/changes/stream")) {
            anonymousClient().get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType("application/problem+json")
                    .expectHeader().exists("WWW-Authenticate");
        }
    }

    @Test
    void changesWhenMemberMayReadNoCollectionThen403() {
        TestMember writer = register("w-" + UUID.randomUUID().toString().substring(0, 8), Nation.JP, Sector.GOVERNMENT,
                Role.PUBLISHER);
        for (String path : List.of("/changes", "/changes/stream", "/changes?collection=indicators")) {
            Answer answer = body(writer.client(), path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("role");
        }
    }

    @Test
    void changesWhenCollectionUnknownOrParametersInvalidThenProblemDetails() {
        assertThat(body(recipient.client(), "/changes?collection=nope").status()).isEqualTo(404);
        assertThat(body(recipient.client(), "/changes/stream?collection=nope").status()).isEqualTo(404);
        assertThat(body(recipient.client(), "/changes?from=-1").status()).isEqualTo(400);
        assertThat(body(recipient.client(), "/changes?type=NOT_A_TYPE").status()).isEqualTo(400);
        assertThat(body(recipient.client(), "/changes?limit=0").status()).isEqualTo(400);
        assertThat(body(recipient.client(), "/changes?to=999999999").status()).isEqualTo(400);
        assertThat(body(recipient.client(), "/changes/stream?from=999999999").status()).isEqualTo(400);
        assertThat(body(recipient.client(), "/changes?from=x").contentType()).startsWith("application/problem+json");
        assertThat(anonymousClient().post().uri("/changes").header("Authorization", "Bearer "
                + testIssuer().token(recipient.id())).exchange().expectBody().returnResult().getStatus().value())
                .isIn(403, 405);
    }

    @Test
    void feedWhenPageFullThenNextContinuesWithoutGapOrRepeat() {
        long first = publish(publisher, green());
        publish(publisher, green());
        publish(publisher, green());
        List<Long> seen = new ArrayList<>();
        long from = first;
        boolean more = true;
        while (more) {
            JsonNode page = TestStix.parse(body(recipient.client(), "/changes?limit=1&from=" + from).body());
            page.get("events").forEach(e -> seen.add(e.get("position").longValue()));
            from = page.get("next").longValue();
            more = page.get("more").booleanValue();
        }
        assertThat(seen).hasSize(3).isSorted().doesNotHaveDuplicates();
    }

    // --- helpers

    /** A fresh TLP:GREEN indicator by the publisher. */
    private ObjectNode green() {
        return TestStix.markedBy(TestStix.indicator(), publisher.identityId(), Tlp.GREEN);
    }

    private static long publish(TestMember member, ObjectNode object) {
        JsonNode status = member.taxii().publish(Taxii.INDICATORS, TestStix.envelope(object));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
        return status.get("successes").get(0).get("log_index").longValue();
    }

    private Flux<ServerSentEvent<String>> stream(String member, String path) {
        return WebClient.create(baseUrl()).get().uri(path)
                .header("Authorization", "Bearer " + testIssuer().token(member))
                .retrieve().bodyToFlux(SSE);
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

    private static List<Long> positions(List<ServerSentEvent<String>> events) {
        return events.stream().filter(e -> e.event() != null && !e.event().equals("ready"))
                .map(e -> TestStix.parse(e.data()).get("position").longValue()).toList();
    }

    private static List<JsonNode> feed(WebTestClient client, String path) {
        Answer answer = body(client, path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        TestStix.parse(answer.body()).get("events").forEach(events::add);
        return events;
    }

    private static JsonNode only(List<JsonNode> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Status, content type and body of an answer. */
    private record Answer(int status, String contentType, String body) {

        Answer replace(String from, String to) {
            return new Answer(status, contentType, body.replace(from, to));
        }
    }

    private static Answer body(WebTestClient client, String path) {
        EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }
}

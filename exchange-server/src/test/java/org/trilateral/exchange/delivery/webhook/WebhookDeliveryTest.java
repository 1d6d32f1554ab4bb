package org.trilateral.exchange.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.trilateral.exchange.support.Pause.sleep;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ledger.ExchangeSigningKey;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks against the running exchange, with WireMock as the members' endpoints (docs/delivery.md#webhooks): signed
 * deliveries in order, retries of a failing endpoint with the same idempotency key, dead letters after
 * {@code retry-for} (3 s here) and their replay, the suspension of an endpoint whose dead letters reach
 * {@code max-dead-letters} (3 here) until they are replayed or deleted, the read rule (a TLP:RED object and an outsider), deletions and
 * revocations, advisories ahead of other traffic, another member's endpoints answered as nonexistent ones, and each
 * refusal of a registration. Plain http to loopback is allowed here only by this class's settings; the defaults
 * refuse both ({@link EndpointAddressTest}).
 */
@TestPropertySource(properties = {
        "exchange.webhooks.allow-http=true",
        "exchange.webhooks.allowed-hosts=localhost,127.0.0.1",
        "exchange.webhooks.retry-poll=100ms",
        "exchange.webhooks.initial-delay=50ms",
        "exchange.webhooks.max-delay=300ms",
        "exchange.webhooks.retry-for=3s",
        "exchange.webhooks.max-endpoints=3",
        "exchange.webhooks.max-dead-letters=3",
        "exchange.delivery.poll-interval=200ms",
        // The test issuer's key set is fetched on the first request; a loaded machine can take longer than 5 s.
        "exchange.security.provider-timeout=30s",
        "logging.level.org.trilateral.exchange.delivery.webhook=DEBUG"})
class WebhookDeliveryTest extends ExchangeIntegrationTest {

    private static final String LATER = "2026-06-01T00:00:00.000Z";
    private static WireMockServer endpoints;

    @Autowired
    private ExchangeSigningKey exchangeKey;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private TestMember publisher;
    private TestMember recipient;
    private TestMember outsider;

    @BeforeAll
    static void startEndpoints() {
        endpoints = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoints.start();
    }

    @AfterAll
    static void stopEndpoints() {
        endpoints.stop();
    }

    @BeforeEach
    void members() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        publisher = register("kr-pub-" + suffix, Nation.KR, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        recipient = register("jp-rcp-" + suffix, Nation.JP, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
        outsider = register("us-out-" + suffix, Nation.US, Sector.GOVERNMENT, Role.CONSUMER, Role.PUBLISHER);
    }

    @Test
    void deliveryWhenObjectsPublishedThenPostedInOrderSignedByTheExchangeWithTheFeedsEvents() {
        String path = accepting();
        JsonNode webhook = create(recipient, path, Map.of());
        String id = webhook.get("id").stringValue();
        List<Long> published = List.of(publish(publisher, green()), publish(publisher, green()), publish(publisher, green()));

        List<LoggedRequest> requests = awaitPositions(path, published.size());

        assertThat(positions(requests)).containsExactlyElementsOf(published);
        SigningKey key = exchangeKey.jwsKey().block();
        long expectedFrom = webhook.get("lanes").get(1).get("position").longValue();
        for (LoggedRequest request : requests) {
            JsonNode body = TestStix.parse(request.getBodyAsString());
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getHeader("Exchange-Webhook")).isEqualTo(id);
            assertThat(body.get("endpoint").stringValue()).isEqualTo(id);
            assertThat(body.get("lane").stringValue()).isEqualTo("general");
            assertThat(body.get("from").longValue()).isEqualTo(expectedFrom);
            expectedFrom = body.get("next").longValue();
            String idempotencyKey = id + ":general:" + body.get("from").longValue() + "-" + body.get("next").longValue();
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(idempotencyKey);
            JsonNode header = verifiedHeader(request.getHeader("Exchange-Signature"), request.getBody(), key);
            assertThat(header.get("alg").stringValue()).isEqualTo("EdDSA");
            assertThat(header.get("kid").stringValue()).isEqualTo(key.kid());
            assertThat(header.get("typ").stringValue()).isEqualTo("exchange-webhook+jws");
            assertThat(header.get("webhook").stringValue()).isEqualTo(id);
            assertThat(header.get("idempotency_key").stringValue()).isEqualTo(idempotencyKey);
            assertThat(header.get("iat").longValue()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        }
        // Each event is the change feed's event for that position, byte for byte.
        long first = published.get(0);
        String feed = body(recipient.client(), "/changes?from=" + first + "&to=" + (first + 1));
        String delivered = requests.get(0).getBodyAsString();
        String event = feed.substring("{\"events\":[".length(), feed.indexOf("],\"next\""));
        assertThat(delivered).contains(event);
        // A tampered body does not verify.
        byte[] tampered = requests.get(0).getBody().clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(verifies(requests.get(0).getHeader("Exchange-Signature"), tampered, key)).isFalse();
    }

    @Test
    void deliveryWhenEndpointFailsTwiceThenRetriedWithTheSameKeyAndDeliveredOnceInOrder() {
        String path = "/hook-" + UUID.randomUUID();
        String scenario = "flaky " + path;
        endpoints.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        endpoints.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("failed twice"));
        endpoints.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(204)));
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        long first = publish(publisher, green());

        List<LoggedRequest> attempts = await(path, requests -> requests.size() >= 3);
        long second = publish(publisher, green());
        List<LoggedRequest> all = awaitPositions(path, 2);

        assertThat(attempts.subList(0, 3)).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
                attempts.get(0).getHeader("Idempotency-Key"));
        assertThat(attempts.subList(0, 3)).extracting(LoggedRequest::getBodyAsString).containsOnly(
                attempts.get(0).getBodyAsString());
        // Accepted once: the third attempt; the next delivery is the next event only.
        assertThat(all).hasSize(4);
        assertThat(positions(all.subList(2, 4))).containsExactly(first, second);
        assertThat(all.get(3).getHeader("Idempotency-Key")).isNotEqualTo(all.get(2).getHeader("Idempotency-Key"));
        JsonNode lane = lane(recipient, id, "general");
        assertThat(lane.get("position").longValue()).isGreaterThan(second);
        assertThat(meters.get("exchange.webhooks.failures").tag("cause", "500").counter().count()).isPositive();
        assertThat(meters.get("exchange.webhooks.failures").tag("cause", "503").counter().count()).isPositive();
        assertThat(meters.get("exchange.webhooks.retries").counter().count()).isPositive();
        assertThat(meters.get("exchange.webhooks.deliveries").tag("lane", "general").counter().count()).isPositive();
        assertThat(meters.get("exchange.webhooks.lag").gauge()).isNotNull();
        assertThat(lane.has("pending_to")).isFalse();
    }

    @Test
    void deliveryWhenEndpointFailsPastRetryForThenDeadLetteredLaterEventsDeliveredAndReplayedOnceItRecovers() {
        String path = "/hook-" + UUID.randomUUID();
        StubMapping failing = endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        long lost = publish(publisher, green());

        awaitDeadLetters(recipient, id, 1);
        // The lane has failed for longer than retry-for: until a delivery is accepted, the next batch is parked after
        // its first failed attempt rather than held for retry-for again.
        long lostToo = publish(publisher, green());
        JsonNode letters = awaitDeadLetters(recipient, id, 2);
        endpoints.removeStub(failing);
        endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        long later = publish(publisher, green());
        awaitPositions(path, 1);

        assertThat(requests(path).stream().filter(r -> r.getBodyAsString().contains("\"position\":" + lostToo + ",")))
                .hasSize(1);
        assertThat(letters.get(1).get("positions")).extracting(JsonNode::longValue).containsExactly(lostToo);
        assertThat(letters.get(1).get("attempts").intValue()).isEqualTo(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("lane").stringValue()).isEqualTo("general");
        assertThat(letter.get("positions")).extracting(JsonNode::longValue).containsExactly(lost);
        assertThat(letter.get("last_error").stringValue()).isEqualTo("the endpoint answered 500");
        assertThat(letter.get("attempts").intValue()).isGreaterThanOrEqualTo(2);
        assertThat(java.time.Instant.parse(letter.get("last_attempt").stringValue()))
                .isAfter(java.time.Instant.parse(letter.get("first_attempt").stringValue()));
        List<LoggedRequest> before = requests(path);
        assertThat(positions(before.subList(before.size() - 1, before.size()))).containsExactly(later);

        JsonNode replayed = TestStix.parse(exchange(recipient.client().post()
                .uri("/webhooks/" + id + "/dead-letters/replay"), 200));

        assertThat(replayed.get("replayed")).extracting(r -> r.get("delivered").booleanValue()).containsExactly(true, true);
        assertThat(replayed.get("remaining").longValue()).isZero();
        List<LoggedRequest> all = requests(path);
        LoggedRequest replay = all.get(all.size() - 2);
        assertThat(TestStix.parse(replay.getBodyAsString()).get("replay").booleanValue()).isTrue();
        assertThat(positions(all.subList(all.size() - 2, all.size()))).containsExactly(lost, lostToo);
        assertThat(replay.getHeader("Idempotency-Key")).isEqualTo(letter.get("idempotency_key").stringValue());
        assertThat(TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id + "/dead-letters"), 200))
                .get("dead_letters")).isEmpty();
        assertThat(meters.get("exchange.webhooks.dead-lettered").counter().count()).isPositive();
        assertThat(meters.get("exchange.webhooks.replays").tag("outcome", "delivered").counter().count()).isPositive();
    }

    @Test
    void deadLettersWhenTheLimitIsReachedThenSuspendedWithItsReasonNothingMoreTriedAndResumedByAReplay() {
        String path = "/hook-" + UUID.randomUUID();
        StubMapping failing = endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        List<Long> lost = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            lost.add(publish(publisher, green()));
            awaitDeadLetters(recipient, id, i);
        }
        JsonNode suspended = TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id), 200));
        int attempts = requests(path).size();
        long waiting = publish(publisher, green());
        sleep(1500);

        assertThat(suspended.get("state").stringValue()).isEqualTo("suspended");
        assertThat(suspended.get("paused").booleanValue()).isFalse();
        assertThat(suspended.get("dead_letters").longValue()).isEqualTo(3);
        assertThat(suspended.get("suspended").get("reason").stringValue())
                .contains("exchange.webhooks.max-dead-letters (3)").contains("replayed or deleted");
        assertThat(suspended.get("suspended").get("since").isString()).isTrue();
        assertThat(requests(path)).as("no attempt while suspended").hasSize(attempts);
        assertThat(TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id + "/dead-letters"), 200))
                .get("dead_letters")).as("nothing parked past the limit").hasSize(3);
        long position = lane(recipient, id, "general").get("position").longValue();
        assertThat(position).as("its position is kept, before what waits").isLessThanOrEqualTo(waiting);
        Answer resume = exchangeAnswer(recipient.client().post().uri("/webhooks/" + id + "/resume"));
        assertThat(resume.status()).as(resume.body()).isEqualTo(409);
        assertThat(TestStix.parse(resume.body()).get("detail").stringValue()).contains("3 dead letters")
                .contains("exchange.webhooks.max-dead-letters");
        assertThat(meters.get("exchange.webhooks.suspended").counter().count()).isPositive();

        endpoints.removeStub(failing);
        endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String first = TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id + "/dead-letters"), 200))
                .get("dead_letters").get(0).get("id").stringValue();
        JsonNode replayed = TestStix.parse(exchange(recipient.client().post()
                .uri("/webhooks/" + id + "/dead-letters/" + first + "/replay"), 200));
        List<LoggedRequest> delivered = await(path, requests -> positions(requests).contains(waiting));

        assertThat(replayed.get("remaining").longValue()).isEqualTo(2);
        assertThat(positions(delivered)).containsExactly(lost.get(0), waiting);
        JsonNode resumed = TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id), 200));
        assertThat(resumed.get("state").stringValue()).isEqualTo("active");
        assertThat(resumed.has("suspended")).isFalse();
        assertThat(resumed.get("dead_letters").longValue()).isEqualTo(2);
    }

    @Test
    void deadLettersWhenDeletedBelowTheLimitThenTheSuspendedEndpointResumesFromItsPosition() {
        String path = "/hook-" + UUID.randomUUID();
        StubMapping failing = endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        for (int i = 1; i <= 3; i++) {
            publish(publisher, green());
            awaitDeadLetters(recipient, id, i);
        }
        long waiting = publish(publisher, green());
        endpoints.removeStub(failing);
        endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        JsonNode letters = TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id + "/dead-letters"), 200))
                .get("dead_letters");
        assertThat(TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id), 200)).get("state")
                .stringValue()).isEqualTo("suspended");

        JsonNode deleted = TestStix.parse(exchange(recipient.client().delete()
                .uri("/webhooks/" + id + "/dead-letters/" + letters.get(2).get("id").stringValue()), 200));
        List<LoggedRequest> delivered = await(path, requests -> positions(requests).contains(waiting));

        assertThat(deleted.get("deleted").longValue()).isEqualTo(1);
        assertThat(deleted.get("remaining").longValue()).isEqualTo(2);
        assertThat(positions(delivered)).containsExactly(waiting);
        assertThat(answer(recipient.client().delete().uri("/webhooks/" + id + "/dead-letters/" + UUID.randomUUID())))
                .startsWith("404 application/problem+json");
        JsonNode all = TestStix.parse(exchange(recipient.client().delete().uri("/webhooks/" + id + "/dead-letters"), 200));
        assertThat(all.get("deleted").longValue()).isEqualTo(2);
        assertThat(all.get("remaining").longValue()).isZero();
        assertThat(TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id), 200)).get("state")
                .stringValue()).isEqualTo("active");
    }

    @Test
    void replayWhenTheObjectWasDeletedSinceThenItsAddedEventIsNotSentAgain() {
        String path = "/hook-" + UUID.randomUUID();
        StubMapping failing = endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        ObjectNode object = green();
        long lost = publish(publisher, object);
        String letter = awaitDeadLetters(recipient, id, 1).get(0).get("id").stringValue();
        endpoints.removeStub(failing);
        endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        client().delete().uri(Taxii.INDICATORS + "objects/" + object.get("id").stringValue() + "/")
                .header("Accept", TaxiiMediaTypes.TAXII_VALUE).exchange().expectStatus().isOk();
        awaitPositions(path, 1);

        JsonNode replayed = TestStix.parse(exchange(recipient.client().post()
                .uri("/webhooks/" + id + "/dead-letters/" + letter + "/replay"), 200));

        assertThat(replayed.get("replayed").get(0).get("events").intValue()).isZero();
        LoggedRequest replay = requests(path).get(requests(path).size() - 1);
        assertThat(TestStix.parse(replay.getBodyAsString()).get("events")).isEmpty();
        assertThat(positions(requests(path))).doesNotContain(lost);
    }

    @Test
    void deliveryWhenMemberSuspendedThenNothingUntilReinstatedThenWhatWaitedInOrder() {
        String path = accepting();
        create(recipient, path, Map.of());
        client().post().uri("/admin/members/" + recipient.id() + "/suspend").exchange().expectStatus().isOk();
        long first = publish(publisher, green());
        long second = publish(publisher, green());

        sleep(2000);
        assertThat(requests(path)).as("nothing reaches a suspended member's endpoint").isEmpty();
        client().post().uri("/admin/members/" + recipient.id() + "/reinstate").exchange().expectStatus().isOk();

        assertThat(positions(awaitPositions(path, 2))).containsExactly(first, second);
    }

    @Test
    void deliveryWhenMemberMayNotReadARedObjectThenItNeverReachesItsEndpoint() {
        String outsiderPath = accepting();
        String recipientPath = accepting();
        create(outsider, outsiderPath, Map.of());
        create(recipient, recipientPath, Map.of());
        long red = publish(publisher, TestStix.redFor(publisher.identityId(), recipient.identityId()));
        long green = publish(publisher, green());

        List<LoggedRequest> toOutsider = awaitPositions(outsiderPath, 1);
        List<LoggedRequest> toRecipient = awaitPositions(recipientPath, 2);

        assertThat(positions(toOutsider)).containsExactly(green);
        assertThat(positions(toRecipient)).containsExactly(red, green);
        assertThat(toOutsider).allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("\"position\":" + red + ","));
    }

    @Test
    void deliveryWhenObjectRevokedAndDeletedThenThoseEventsAreDelivered() {
        String path = accepting();
        create(recipient, path, Map.of("types", List.of("indicator")));
        ObjectNode indicator = green();
        publish(publisher, indicator);
        awaitPositions(path, 1);
        ObjectNode revoked = indicator.deepCopy();
        revoked.put("modified", LATER);
        revoked.put("revoked", true);
        revoked.remove("signatures");
        publish(publisher, revoked);
        awaitPositions(path, 2);
        client().delete().uri(Taxii.INDICATORS + "objects/" + indicator.get("id").stringValue() + "/")
                .header("Accept", TaxiiMediaTypes.TAXII_VALUE).exchange().expectStatus().isOk();

        List<JsonNode> events = events(awaitPositions(path, 4));

        assertThat(events).extracting(e -> e.get("kind").stringValue()).containsExactly("added", "revoked", "deleted",
                "deleted");
        assertThat(events.get(2).has("object")).isFalse();
        assertThat(events.get(3).get("opening").get("entry").get("kind").stringValue()).isEqualTo("tombstone");
    }

    @Test
    void deliveryWhenAdvisoriesAndOtherTrafficArePendingThenAdvisoriesGoFirst() {
        String path = accepting();
        String id = create(recipient, path, Map.of()).get("id").stringValue();
        exchange(recipient.client().post().uri("/webhooks/" + id + "/pause"), 200);
        List<Long> indicators = List.of(publish(publisher, green()), publish(publisher, green()), publish(publisher, green()));
        ObjectNode advisoryObject = TestStix.indicator();
        advisoryObject.putArray("object_marking_refs").add(Tlp.GREEN.id());
        JsonNode status = taxii().publish(Taxii.ADVISORIES, TestStix.envelope(advisoryObject));
        long advisory = status.get("successes").get(0).get("log_index").longValue();

        exchange(recipient.client().post().uri("/webhooks/" + id + "/resume"), 200);
        List<LoggedRequest> requests = awaitPositions(path, 4);

        assertThat(TestStix.parse(requests.get(0).getBodyAsString()).get("lane").stringValue()).isEqualTo("advisories");
        assertThat(positions(requests)).containsExactly(advisory, indicators.get(0), indicators.get(1), indicators.get(2));
        assertThat(advisory).isGreaterThan(indicators.get(2));
    }

    @Test
    void deliveryWhenAnAdvisoryIsAcceptedThenTheIssuerSeesTheMembersWebhookReceipt() {
        String path = accepting();
        create(recipient, path, Map.of());
        ObjectNode report = org.trilateral.taxonomy.stix.StixJson.mapper().createObjectNode();
        report.put("type", "report").put("spec_version", "2.1").put("id", "report--" + UUID.randomUUID())
                .put("created", TestStix.CREATED).put("modified", TestStix.CREATED).put("name", "Laptop farm advisory")
                .put("published", "2026-01-02T00:00:00.000Z").put("created_by_ref", TestStix.MEMBER_IDENTITY);
        report.putArray("object_marking_refs").add(Tlp.GREEN.id());
        report.putArray("object_refs").add("indicator--" + UUID.randomUUID());
        String id = report.get("id").stringValue();
        JsonNode status = taxii().publish(Taxii.ADVISORIES, TestStix.envelope(report));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);

        awaitPositions(path, 1);

        // The receipt is written after the lane moved past the delivery: wait for it rather than for the request.
        JsonNode row = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode receipts = TestStix.parse(new String(client().get().uri("/advisories/" + id + "/receipts")
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (JsonNode candidate : receipts.get("receipts")) {
                if (candidate.get("member").stringValue().equals(recipient.id())) {
                    row = candidate;
                }
            }
            if (row != null && row.get("system_received_at").isString()) {
                break;
            }
            sleep(100);
        }
        assertThat(row).isNotNull();
        assertThat(row.get("system_received_at").isString()).as(row.toString()).isTrue();
        assertThat(row.get("channel").stringValue()).isEqualTo("webhook");
        assertThat(row.get("person_acknowledged_at").isNull()).isTrue();
    }

    @Test
    void webhookWhenAnotherMembersThenAnsweredExactlyAsOneThatDoesNotExist() {
        String id = create(recipient, accepting(), Map.of()).get("id").stringValue();
        String none = UUID.randomUUID().toString();

        for (String suffix : List.of("", "/dead-letters")) {
            assertThat(answer(outsider.client().get().uri("/webhooks/" + id + suffix)).replace(id, none))
                    .isEqualTo(answer(outsider.client().get().uri("/webhooks/" + none + suffix)));
        }
        for (String suffix : List.of("/pause", "/resume", "/dead-letters/replay")) {
            assertThat(answer(outsider.client().post().uri("/webhooks/" + id + suffix)).replace(id, none))
                    .isEqualTo(answer(outsider.client().post().uri("/webhooks/" + none + suffix)));
        }
        String letter = UUID.randomUUID().toString();
        for (String suffix : List.of("/dead-letters", "/dead-letters/" + letter)) {
            assertThat(answer(outsider.client().delete().uri("/webhooks/" + id + suffix)).replace(id, none))
                    .isEqualTo(answer(outsider.client().delete().uri("/webhooks/" + none + suffix)));
        }
        assertThat(answer(outsider.client().delete().uri("/webhooks/" + id)).replace(id, none))
                .isEqualTo(answer(outsider.client().delete().uri("/webhooks/" + none)));
        assertThat(answer(outsider.client().get().uri("/webhooks/" + none))).startsWith("404 application/problem+json");
        assertThat(TestStix.parse(exchange(outsider.client().get().uri("/webhooks"), 200)).get("webhooks")).isEmpty();
        // Still there, unpaused, for its owner.
        JsonNode own = TestStix.parse(exchange(recipient.client().get().uri("/webhooks/" + id), 200));
        assertThat(own.get("paused").booleanValue()).isFalse();
        assertThat(TestStix.parse(exchange(recipient.client().get().uri("/webhooks"), 200)).get("webhooks")).hasSize(1);
    }

    @Test
    void createWhenInvalidThenProblemDetailsNamingWhatIsWrong() {
        assertRefused(recipient, Map.of("url", "https://10.1.2.3/hook"), 400, "url", "not a public address");
        assertRefused(recipient, Map.of("url", "https://169.254.169.254/latest/meta-data"), 400, "url", "not a public address");
        assertRefused(recipient, Map.of("url", "ftp://example.org/hook"), 400, "url", "https");
        assertRefused(recipient, Map.of("url", "https://user:pw@example.org/hook"), 400, "url", "user information");
        assertRefused(recipient, Map.of("description", "no url"), 400, "url", "url is required");
        assertRefused(recipient, Map.of("url", "https://example.org/hook", "collection", "nope"), 400, "collection",
                "no collection 'nope'");
        assertRefused(recipient, Map.of("url", "https://example.org/hook", "types", List.of("NOT A TYPE")), 400, "types",
                "not a STIX type");
        assertRefused(recipient, Map.of("url", "https://example.org/hook", "secret", "x"), 400, "secret",
                "unknown member");
        TestMember reader = register("pub-only-" + UUID.randomUUID().toString().substring(0, 8), Nation.KR,
                Sector.GOVERNMENT, Role.CONSUMER);
        assertThat(exchangeAnswer(anonymousClient().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"http://127.0.0.1/x\"}")).status()).isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            create(reader, accepting(), Map.of());
        }
        assertRefused(reader, Map.of("url", "http://127.0.0.1:1/fourth"), 409, null, "exchange.webhooks.max-endpoints");
        TestMember noRole = register("no-role-" + UUID.randomUUID().toString().substring(0, 8), Nation.KR,
                Sector.GOVERNMENT, Role.PUBLISHER);
        Answer refused = exchangeAnswer(noRole.client().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"http://127.0.0.1/x\"}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    // --- helpers

    private String accepting() {
        String path = "/hook-" + UUID.randomUUID();
        endpoints.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        return path;
    }

    private JsonNode create(TestMember member, String path, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("url", "http://127.0.0.1:" + endpoints.port() + path);
        body.put("description", "test endpoint");
        EntityExchangeResult<byte[]> result = member.client().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body)).exchange().expectBody().returnResult();
        String text = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().value()).as(text).isEqualTo(201);
        JsonNode json = TestStix.parse(text);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/webhooks/" + json.get("id").stringValue());
        return json;
    }

    private void assertRefused(TestMember member, Map<String, Object> body, int status, String field, String detail) {
        Answer answer = exchangeAnswer(member.client().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = TestStix.parse(answer.body());
        assertThat(problem.get("detail").stringValue()).contains(detail);
        if (field != null) {
            assertThat(problem.get("field").stringValue()).isEqualTo(field);
        }
    }

    private JsonNode lane(TestMember member, String id, String lane) {
        for (JsonNode item : TestStix.parse(exchange(member.client().get().uri("/webhooks/" + id), 200)).get("lanes")) {
            if (item.get("lane").stringValue().equals(lane)) {
                return item;
            }
        }
        throw new AssertionError("no lane " + lane);
    }

    private JsonNode awaitDeadLetters(TestMember member, String id, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode letters = TestStix.parse(exchange(member.client().get().uri("/webhooks/" + id + "/dead-letters"), 200))
                    .get("dead_letters");
            if (letters.size() >= count) {
                return letters;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " dead letters in 30 s: " + letters + "; the webhook: "
                        + exchange(member.client().get().uri("/webhooks/" + id), 200));
            }
            sleep(100);
        }
    }

    private ObjectNode green() {
        return TestStix.markedBy(TestStix.indicator(), publisher.identityId(), Tlp.GREEN);
    }

    private static long publish(TestMember member, ObjectNode object) {
        JsonNode status = member.taxii().publish(Taxii.INDICATORS, TestStix.envelope(object));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
        return status.get("successes").get(0).get("log_index").longValue();
    }

    private static List<LoggedRequest> requests(String path) {
        return endpoints.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static List<LoggedRequest> await(String path, Predicate<List<LoggedRequest>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<LoggedRequest> requests = requests(path);
            if (done.test(requests)) {
                return requests;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the endpoint " + path + " got only " + requests.size() + " requests in 30 s: "
                        + requests.stream().map(LoggedRequest::getBodyAsString).toList());
            }
            sleep(50);
        }
    }

    /** The requests once those the endpoint accepted (the last, for a failing stub) hold {@code count} events. */
    private static List<LoggedRequest> awaitPositions(String path, int count) {
        return await(path, requests -> positions(requests).size() >= count);
    }

    private static List<JsonNode> events(List<LoggedRequest> requests) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : requests) {
            TestStix.parse(request.getBodyAsString()).get("events").forEach(events::add);
        }
        return events;
    }

    /** The positions of the events the endpoint accepted, in arrival order (a failed attempt's are not counted). */
    private static List<Long> positions(List<LoggedRequest> requests) {
        List<Long> positions = new ArrayList<>();
        List<LoggedRequest> accepted = requests.stream().filter(r -> {
            com.github.tomakehurst.wiremock.stubbing.ServeEvent served = endpoints.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getId().equals(r.getId())).findFirst().orElse(null);
            return served == null || served.getResponse().getStatus() / 100 == 2;
        }).toList();
        events(accepted).forEach(e -> positions.add(e.get("position").longValue()));
        return positions;
    }

    private static JsonNode verifiedHeader(String jws, byte[] body, SigningKey key) {
        assertThat(verifies(jws, body, key)).as("the signature verifies").isTrue();
        return TestStix.parse(new String(Base64Url.decode(jws.substring(0, jws.indexOf('.')), "header"),
                StandardCharsets.UTF_8));
    }

    private static boolean verifies(String jws, byte[] body, SigningKey key) {
        String[] parts = jws.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEmpty();
        byte[] input = (parts[0] + "." + Base64Url.encode(body)).getBytes(StandardCharsets.US_ASCII);
        return key.publicKey().verify(input, Base64Url.decode(parts[2], "signature"));
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static Answer exchangeAnswer(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        return new Answer(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    /** Status, content type and body in one string, to compare two answers byte for byte. */
    private static String answer(WebTestClient.RequestHeadersSpec<?> request) {
        Answer answer = exchangeAnswer(request);
        return answer.status() + " " + answer.contentType() + "\n" + answer.body();
    }

    private static String exchange(WebTestClient.RequestHeadersSpec<?> request, int status) {
        Answer answer = exchangeAnswer(request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    private static String body(WebTestClient client, String path) {
        return exchange(client.get().uri(path), 200);
    }
}

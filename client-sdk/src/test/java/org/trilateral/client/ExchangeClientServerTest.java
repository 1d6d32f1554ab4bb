package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client against the real exchange: publish signed objects, poll with a durable cursor, verify. */
class ExchangeClientServerTest {

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static WireMockServer keys;
    private static final SigningKey MEMBER_KEY = SigningKey.generate();

    @BeforeAll
    static void start() {
        exchange = RunningExchange.start(directory.resolve("postgres"));
        exchange.registerKey(MEMBER_KEY.publicKey());
        keys = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        keys.start();
        keys.stubFor(get(urlPathEqualTo("/.well-known/exchange-keys.json")).willReturn(okJson(documentedJwks(MEMBER_KEY))));
    }

    @AfterAll
    static void stop() {
        keys.stop();
        exchange.close();
    }

    /** A JWKS in the exchange's documented form: the public JWK with the member's registration (docs/sdk.md). */
    private static String documentedJwks(SigningKey key) {
        ObjectNode jwk = key.publicKey().toJson();
        jwk.put("alg", "EdDSA").put("use", "sig").put("x-member", RunningExchange.MEMBER_ID)
                .put("x-identity", RunningExchange.MEMBER_IDENTITY).put("x-not-before", "2026-01-01T00:00:00Z")
                .putNull("x-not-after").putNull("x-revoked-at").putNull("x-revoked-reason");
        return "{\"keys\":[" + StixJson.mapper().writeValueAsString(jwk) + "]}";
    }

    /** A client checking the real log, its key trusted on first use from {@code /log/key}. */
    private static ExchangeClient loggedClient(CheckpointStore checkpoints) {
        ExchangeClient plain = client(new InMemoryCursorStore());
        NoteVerifierKey logKey = plain.fetchLogKey();
        return plain.newBuilder().logVerification(logKey, checkpoints).build();
    }

    private static ReceivedObject pollOne(ExchangeClient client, String collection, ObjectNode published) {
        return client.pollStream(PollRequest.of(collection))
                .filter(o -> o.id().equals(published.get("id").asString())).findFirst().orElseThrow();
    }

    private static ExchangeClient client(CursorStore cursors) {
        return exchange.clientBuilder().signingKey(MEMBER_KEY).cursorStore(cursors)
                .jwksUrl(URI.create(keys.baseUrl() + "/.well-known/exchange-keys.json")).build();
    }

    private static List<ObjectNode> ipIndicators(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> TestObjects.indicators()
                .ip(prefix + i, IndicatorKind.LAPTOP_FARM_NETWORK, Tlp.AMBER)).toList();
    }

    @Test
    void publishWhenSignedWalletIndicatorThenAcceptedPolledBackAndVerified() {
        ExchangeClient client = client(new InMemoryCursorStore());
        ObjectNode wallet = TestObjects.indicators().wallet("eip155:1:0x1111111111111111111111111111111111111111", Tlp.AMBER);

        PublishResult result = client.publish("indicators", List.of(wallet));

        assertThat(result.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ObjectResult.Outcome.ACCEPTED);
            assertThat(r.id()).isEqualTo(wallet.get("id").asString());
        });
        assertThat(wallet.has("extensions")).as("the caller's object is not changed").isFalse();
        JsonNode received = client.pollStream(PollRequest.of("indicators").withTypes("indicator"))
                .map(ReceivedObject::object).filter(o -> o.get("id").equals(wallet.get("id"))).findFirst().orElseThrow();
        VerificationResult verification = client.verify(received);
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.detail()).contains(MEMBER_KEY.kid());
    }

    @Test
    void publishWhenObjectInvalidThenRefusedWithReasonAndOthersAccepted() {
        ExchangeClient client = client(new InMemoryCursorStore());
        ObjectNode good = TestObjects.indicators().ip("198.51.100.7", IndicatorKind.VPN_EXIT, Tlp.GREEN);
        ObjectNode bad = TestObjects.indicators().ip("198.51.100.8", IndicatorKind.VPN_EXIT, Tlp.GREEN);
        bad.put("pattern", "[ipv4-addr:value = ");

        PublishResult result = client.publish("indicators", List.of(good, bad));

        assertThat(result.results()).extracting(ObjectResult::outcome)
                .containsExactly(ObjectResult.Outcome.ACCEPTED, ObjectResult.Outcome.REFUSED);
        assertThat(result.refused().get(0).message()).contains("pattern");
    }

    @Test
    void publishWhenMoreObjectsThanPerEnvelopeThenSentInBatchesAndAllAccepted() {
        ExchangeClient client = client(new InMemoryCursorStore()).newBuilder().maxObjectsPerEnvelope(3).build();

        PublishResult result = client.publish("sightings", ipIndicators("192.0.2.", 7));

        assertThat(result.results()).hasSize(7).allMatch(ObjectResult::accepted);
    }

    @Test
    void pollWhenInterruptedThenResumesFromCursorWithNothingMissedNothingTwice() {
        FileCursorStore cursors = new FileCursorStore(directory.resolve("cursors"));
        PollRequest request = PollRequest.of("advisories").withPageSize(2).withCursor("resume-test");
        client(cursors).poll(request).forEach(o -> { }); // start from the current end of the collection
        List<String> published = client(cursors).publish("advisories", ipIndicators("203.0.113.", 5)).results().stream()
                .map(ObjectResult::id).toList();

        List<String> seen = new ArrayList<>();
        Iterator<ReceivedObject> first = client(cursors).poll(request).iterator();
        seen.add(first.next().id());
        seen.add(first.next().id());
        assertThat(first.hasNext()).isTrue(); // the job moves past page one, then stops: a crash, a deploy
        client(cursors).poll(request).forEach(o -> seen.add(o.id()));

        assertThat(seen).containsExactlyElementsOf(published);
        assertThat(client(cursors).poll(request).iterator().hasNext()).as("nothing new since").isFalse();
    }

    @Test
    void pollWhenInterruptedHalfwayThroughAPageThenResumesAfterTheLastObjectDone() {
        FileCursorStore cursors = new FileCursorStore(directory.resolve("cursors"));
        PollRequest request = PollRequest.of("sightings").withPageSize(3).withCursor("mid-page");
        client(cursors).poll(request).forEach(o -> { });
        List<String> published = client(cursors).publish("sightings", ipIndicators("203.0.113.1", 5)).results().stream()
                .map(ObjectResult::id).toList();

        List<String> seen = new ArrayList<>();
        Iterator<ReceivedObject> first = client(cursors).poll(request).iterator();
        seen.add(first.next().id());
        seen.add(first.next().id());
        assertThat(first.hasNext()).isTrue(); // asking for more marks the second object done; then the job stops
        client(cursors).poll(request).forEach(o -> seen.add(o.id()));

        assertThat(seen).containsExactlyElementsOf(published);
    }

    @Test
    void verifyWhenObjectTamperedAfterSigningThenBadSignatureNamed() {
        ExchangeClient client = client(new InMemoryCursorStore());
        ObjectNode indicator = TestObjects.indicators().ip("198.51.100.99", IndicatorKind.VPN_EXIT, Tlp.AMBER);
        client.publish("indicators", List.of(indicator));
        ObjectNode received = (ObjectNode) client.pollStream(PollRequest.of("indicators"))
                .map(ReceivedObject::object).filter(o -> o.get("id").equals(indicator.get("id"))).findFirst().orElseThrow();

        received.put("pattern", "[ipv4-addr:value = '198.51.100.98']");
        VerificationResult result = client.verify(received);

        assertThat(result.failure()).isEqualTo(VerificationFailure.BAD_SIGNATURE);
        assertThat(result.objectId()).isEqualTo(indicator.get("id").asString());
        assertThat(result.version()).isEqualTo(indicator.get("modified").asString());
    }

    @Test
    void verifyWhenSignerNotInJwksThenUnknownKey() {
        SigningKey stranger = SigningKey.generate();
        exchange.registerKey(stranger.publicKey()); // registered with the exchange, absent from the client's JWKS
        ExchangeClient client = client(new InMemoryCursorStore()).newBuilder().signingKey(stranger).build();
        ObjectNode indicator = TestObjects.indicators().ip("198.51.100.77", IndicatorKind.VPN_EXIT, Tlp.AMBER);
        client.publish("indicators", List.of(indicator));
        JsonNode received = client.pollStream(PollRequest.of("indicators"))
                .map(ReceivedObject::object).filter(o -> o.get("id").equals(indicator.get("id"))).findFirst().orElseThrow();

        assertThat(client.verify(received).failure()).isEqualTo(VerificationFailure.UNKNOWN_KEY);
    }

    @Test
    void reactivePollWhenObjectsPublishedThenEmitsThemAndVerifiesEach() {
        ExchangeClient client = client(new InMemoryCursorStore());
        List<ObjectNode> objects = ipIndicators("198.18.0.", 3);
        List<ObjectResult> results = client.reactive().publish("sightings", objects).collectList().block();
        assertThat(results).hasSize(3).allMatch(ObjectResult::accepted);

        List<VerificationResult> verified = client.reactive()
                .verify(client.reactive().poll(PollRequest.of("sightings").withPageSize(4)).map(ReceivedObject::object))
                .collectList().block();

        assertThat(verified).isNotEmpty().allMatch(VerificationResult::ok);
    }

    @Test
    void verifyWhenLogCheckedThenObjectIncludedUnderSignedCheckpointAtItsPublishedIndex() {
        FileCheckpointStore checkpoints = new FileCheckpointStore(directory.resolve("checkpoint-included"));
        ExchangeClient client = loggedClient(checkpoints);
        ObjectNode wallet = TestObjects.indicators().wallet("eip155:1:0x4444444444444444444444444444444444444444", Tlp.AMBER);
        ObjectResult published = client.publish("indicators", List.of(wallet)).results().get(0);

        VerificationResult result = client.verify(pollOne(client, "indicators", wallet));

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.logIndex()).isEqualTo(published.logIndex()).isPresent();
        assertThat(checkpoints.load()).get().satisfies(c -> {
            assertThat(c.origin()).isEqualTo(client.log().orElseThrow().origin());
            assertThat(c.size()).isGreaterThan(published.logIndex().getAsLong());
        });
    }

    @Test
    void verifyWhenObjectChangedAfterPublishingThenLeafMismatchInLogAndBadSignature() {
        ExchangeClient client = loggedClient(CheckpointStore.inMemory());
        ObjectNode indicator = TestObjects.indicators().ip("198.51.100.55", IndicatorKind.VPN_EXIT, Tlp.AMBER);
        client.publish("indicators", List.of(indicator));
        ObjectNode tampered = (ObjectNode) pollOne(client, "indicators", indicator).object();
        tampered.put("pattern", "[ipv4-addr:value = '198.51.100.56']");

        assertThatThrownBy(() -> client.log().orElseThrow().verifyInclusion(tampered, "indicators"))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("changed after the exchange logged it")
                .satisfies(e -> assertThat(((LogVerificationException) e).failure()).isEqualTo(VerificationFailure.LEAF_MISMATCH));
        assertThat(client.verify(tampered, "indicators").failure()).isEqualTo(VerificationFailure.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenObjectReadFromAnotherCollectionThanLoggedThenLeafMismatch() {
        ExchangeClient client = loggedClient(CheckpointStore.inMemory());
        ObjectNode indicator = TestObjects.indicators().ip("198.51.100.57", IndicatorKind.VPN_EXIT, Tlp.AMBER);
        client.publish("indicators", List.of(indicator));
        JsonNode received = pollOne(client, "indicators", indicator).object();

        VerificationResult result = client.verify(received, "advisories");

        assertThat(result.failure()).isIn(VerificationFailure.NOT_IN_LOG, VerificationFailure.LEAF_MISMATCH);
        assertThat(result.detail()).contains(indicator.get("id").asString());
    }

    @Test
    void verifyWhenKeptCheckpointIsAForkOfTheLogThenLogInconsistent() {
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        ExchangeClient client = loggedClient(checkpoints);
        client.publish("indicators", List.of(TestObjects.indicators().ip("198.51.100.58", IndicatorKind.VPN_EXIT, Tlp.AMBER)));
        Checkpoint seen = client.log().orElseThrow().refresh();
        byte[] otherRoot = new byte[32];
        java.util.Arrays.fill(otherRoot, (byte) 7);
        checkpoints.save(new Checkpoint(seen.origin(), seen.size(), otherRoot));
        ObjectNode later = TestObjects.indicators().ip("198.51.100.59", IndicatorKind.VPN_EXIT, Tlp.AMBER);
        client.publish("indicators", List.of(later));

        VerificationResult result = client.verify(pollOne(client, "indicators", later));

        assertThat(result.failure()).isEqualTo(VerificationFailure.LOG_INCONSISTENT);
        assertThat(result.detail()).contains("fork").contains("size " + seen.size());
    }

    @Test
    void verifyWhenSignedWithAnotherMembersRegisteredKeyThenKeyOfAnotherMember() {
        SigningKey japanese = SigningKey.generate();
        exchange.registerKey("jp-agency", japanese.publicKey());
        ObjectNode claimsUsAgency = TestObjects.indicators().ip("198.51.100.61", IndicatorKind.VPN_EXIT, Tlp.GREEN);
        new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, japanese).sign(claimsUsAgency);

        VerificationResult verification = exchange.clientBuilder().build().verify(claimsUsAgency);

        assertThat(verification.failure()).isEqualTo(VerificationFailure.KEY_OF_ANOTHER_MEMBER);
        assertThat(verification.detail()).contains(japanese.kid()).contains(RunningExchange.MEMBER_IDENTITY);
    }

    @Test
    void verifyWhenKeyRevokedThenWhatWasAcceptedBeforeStillVerifiesAndNewSignaturesDoNot() {
        SigningKey key = SigningKey.generate();
        exchange.registerKey(key.publicKey());
        ExchangeClient publisher = exchange.clientBuilder().signingKey(key).build();
        ObjectNode before = TestObjects.indicators().ip("198.51.100.62", IndicatorKind.VPN_EXIT, Tlp.GREEN);
        assertThat(publisher.publish("indicators", List.of(before)).allAccepted()).isTrue();
        ReceivedObject received = pollOne(publisher, "indicators", before);

        exchange.revokeKey(RunningExchange.MEMBER_ID, key.kid(), "laptop lost");

        ExchangeClient verifier = exchange.clientBuilder().build();
        ExchangeClient logged = verifier.newBuilder().logVerification(verifier.fetchLogKey(), CheckpointStore.inMemory()).build();
        VerificationResult earlier = logged.verify(received);
        assertThat(earlier.ok()).as(earlier.detail()).isTrue();
        ObjectNode after = TestObjects.indicators().ip("198.51.100.63", IndicatorKind.VPN_EXIT, Tlp.GREEN);
        new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(after);
        VerificationResult later = verifier.verify(after);
        assertThat(later.failure()).isEqualTo(VerificationFailure.REVOKED_KEY);
        assertThat(later.detail()).contains("laptop lost");
    }
}

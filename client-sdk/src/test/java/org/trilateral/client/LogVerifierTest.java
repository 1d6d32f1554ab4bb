package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

/** Checkpoint consistency and inclusion against a log served by WireMock, including a fork. */
class LogVerifierTest {

    private final NoteSigner logKey = NoteSigner.generate(TestLog.ORIGIN);
    private WireMockServer server;
    private CheckpointStore store;

    @TempDir
    Path directory;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        store = new FileCheckpointStore(directory.resolve("checkpoint"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LogVerifier verifier() {
        return verifier(List.of(logKey));
    }

    private LogVerifier verifier(List<NoteSigner> trusted) {
        return ExchangeClient.builder().baseUrl(URI.create(server.baseUrl())).sleeper(new RecordingSleeper())
                .retryPolicy(RetryPolicy.none())
                .logVerification(TestLog.ORIGIN, trusted.stream().map(NoteSigner::verifierKey).toList(), store)
                .build().log().orElseThrow();
    }

    private void serveCheckpoint(TestLog log) {
        server.stubFor(get(urlPathEqualTo("/log/checkpoint")).willReturn(aResponse().withBody(log.signedCheckpoint())));
    }

    private void serveConsistency(TestLog log, long from, long to) {
        server.stubFor(get(urlPathEqualTo("/log/proof/consistency"))
                .withQueryParam("from", equalTo(Long.toString(from))).withQueryParam("to", equalTo(Long.toString(to)))
                .willReturn(okJson(log.consistencyJson(from, to))));
    }

    @Test
    void refreshWhenFirstCheckpointThenTrustedOnFirstUseAndStored() {
        TestLog log = new TestLog(logKey).appendEntries("a", 5);
        serveCheckpoint(log);

        Checkpoint checkpoint = verifier().refresh();

        assertThat(checkpoint.size()).isEqualTo(5);
        assertThat(store.load()).contains(log.checkpoint());
    }

    @Test
    void refreshWhenLogGrewConsistentlyThenNewCheckpointKept() {
        TestLog log = new TestLog(logKey).appendEntries("a", 5);
        store.save(log.checkpoint());
        log.appendEntries("b", 8);
        serveCheckpoint(log);
        serveConsistency(log, 5, 13);

        assertThat(verifier().refresh().size()).isEqualTo(13);
        assertThat(store.load().orElseThrow().size()).isEqualTo(13);
    }

    @Test
    void refreshWhenTwoCheckpointsAreInconsistentThenForkDetectedAndOldCheckpointKept() {
        TestLog honest = new TestLog(logKey).appendEntries("a", 5);
        store.save(honest.checkpoint());
        TestLog fork = new TestLog(logKey).appendEntries("a", 4).appendEntries("rewritten", 9);
        serveCheckpoint(fork);
        serveConsistency(fork, 5, 13);

        assertThatThrownBy(() -> verifier().refresh())
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("fork")
                .satisfies(e -> assertThat(((LogVerificationException) e).failure()).isEqualTo(VerificationFailure.LOG_INCONSISTENT));
        assertThat(store.load()).contains(honest.checkpoint());
    }

    @Test
    void acceptWhenSameSizeDifferentRootThenForkDetected() {
        store.save(new TestLog(logKey).appendEntries("a", 6).checkpoint());

        assertThatThrownBy(() -> verifier().accept(new TestLog(logKey).appendEntries("b", 6).checkpoint()))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("different root hashes");
    }

    @Test
    void acceptWhenLogShrankThenRollbackDetected() {
        store.save(new TestLog(logKey).appendEntries("a", 6).checkpoint());

        assertThatThrownBy(() -> verifier().accept(new TestLog(logKey).appendEntries("a", 3).checkpoint()))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("shrank from 6 to 3");
    }

    @Test
    void refreshWhenCheckpointSignedByUnknownKeyThenRefused() {
        serveCheckpoint(new TestLog(NoteSigner.generate(TestLog.ORIGIN)).appendEntries("a", 3));

        assertThatThrownBy(() -> verifier().refresh())
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("not validly signed");
        assertThat(store.load()).isEmpty();
    }

    private static final String COLLECTION_ID = "472a3dbb-8a5c-4b4a-9d1b-7c7e3c1b5a10";

    private void serveInclusion(TestLog log, ObjectNode object, int index) {
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).withQueryParam("id", equalTo(object.get("id").asString()))
                .withQueryParam("modified", equalTo(object.get("modified").asString()))
                .willReturn(okJson(log.inclusionJson(index))));
        server.stubFor(get(urlPathEqualTo("/log/leaves/" + index)).willReturn(okJson(log.leafJson(index))));
    }

    private static VerificationFailure failureOf(Throwable e) {
        return ((LogVerificationException) e).failure();
    }

    @Test
    void verifyInclusionWhenLeafRecordsObjectAndProofLeadsToCheckpointRootThenLeafReturned() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 6).appendObjectVersion(object, COLLECTION_ID).appendEntries("b", 3);
        serveCheckpoint(log);
        serveInclusion(log, object, 6);

        ObjectVersionLeaf leaf = verifier().verifyInclusion(object);

        assertThat(leaf.logIndex()).isEqualTo(6);
        assertThat(leaf.collection()).isEqualTo(COLLECTION_ID);
        assertThat(leaf.objectSha256()).isEqualTo(ObjectVersionLeaf.objectSha256(object));
    }

    @Test
    void verifyInclusionWhenObjectChangedAfterItWasLoggedThenLeafMismatchNamesDigests() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 3).appendObjectVersion(object, COLLECTION_ID);
        serveCheckpoint(log);
        serveInclusion(log, object, 3);
        ObjectNode changed = object.deepCopy().put("name", "not what was logged");

        assertThatThrownBy(() -> verifier().verifyInclusion(changed))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("object_sha256 " + ObjectVersionLeaf.objectSha256(object))
                .hasMessageContaining("changed after the exchange logged it")
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(VerificationFailure.LEAF_MISMATCH));
    }

    @Test
    void verifyInclusionWhenLeafIsAnotherObjectsThenLeafMismatchNamesBoth() {
        ObjectNode object = TestObjects.walletIndicator();
        ObjectNode other = TestObjects.indicators().wallet("eip155:1:0x3333333333333333333333333333333333333333",
                Tlp.AMBER);
        TestLog log = new TestLog(logKey).appendObjectVersion(other, COLLECTION_ID);
        serveCheckpoint(log);
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).willReturn(okJson(log.inclusionJson(0))));
        server.stubFor(get(urlPathEqualTo("/log/leaves/0")).willReturn(okJson(log.leafJson(0))));

        assertThatThrownBy(() -> verifier().verifyInclusion(object))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("names object " + other.get("id").asString() + ", not " + object.get("id").asString())
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(VerificationFailure.LEAF_MISMATCH));
    }

    @Test
    void verifyInclusionWhenLeafIsInAnotherCollectionThenLeafMismatch() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendObjectVersion(object, COLLECTION_ID);
        serveCheckpoint(log);
        serveInclusion(log, object, 0);
        server.stubFor(get(urlPathEqualTo("/trilateral/collections/advisories/"))
                .willReturn(okJson("{\"id\":\"0b7d5a54-3e0f-4c1e-8c55-2f2b8f0d9a61\",\"alias\":\"advisories\"}")));

        assertThatThrownBy(() -> verifier().verifyInclusion(object, "advisories"))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("in collection " + COLLECTION_ID + ", not 0b7d5a54-3e0f-4c1e-8c55-2f2b8f0d9a61")
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(VerificationFailure.LEAF_MISMATCH));
    }

    @Test
    void verifyInclusionWhenServedLeafDoesNotHashToItsLeafHashThenLogInconsistent() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendObjectVersion(object, COLLECTION_ID).appendEntries("a", 2);
        serveCheckpoint(log);
        serveInclusion(log, object, 0);
        server.stubFor(get(urlPathEqualTo("/log/leaves/0"))
                .willReturn(okJson(log.leafJson(0).replace("2026-05-01T12:00:00.000000Z", "2026-05-01T12:00:00.000001Z"))));

        assertThatThrownBy(() -> verifier().verifyInclusion(object))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("does not hash to the leaf_hash")
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(VerificationFailure.LOG_INCONSISTENT));
    }

    @Test
    void verifyInclusionWhenLeafNewerThanVerifiedCheckpointThenCheckpointAdvancedConsistently() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 5);
        store.save(log.checkpoint());
        log.appendObjectVersion(object, COLLECTION_ID).appendEntries("b", 2);
        serveCheckpoint(log);
        serveConsistency(log, 5, 8);
        serveInclusion(log, object, 5);

        assertThat(verifier().verifyInclusion(object).logIndex()).isEqualTo(5);
        assertThat(store.load().orElseThrow().size()).isEqualTo(8);
    }

    @Test
    void verifyInclusionWhenProofDoesNotLeadToCheckpointRootThenNotInLog() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 4).appendObjectVersion(object, COLLECTION_ID).appendEntries("b", 3);
        serveCheckpoint(log);
        serveInclusion(log, object, 4);
        TestLog other = new TestLog(logKey).appendEntries("x", 4).appendObjectVersion(object, COLLECTION_ID).appendEntries("y", 3);
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).willReturn(okJson(other.inclusionJson(4))));

        assertThatThrownBy(() -> verifier().verifyInclusion(object))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("is not proven to be in the log of size 8")
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(VerificationFailure.NOT_IN_LOG));
    }

    @Test
    void verifyInclusionWhenLogHasNoEntryThenNotInLog() {
        serveCheckpoint(new TestLog(logKey).appendEntries("a", 2));
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).willReturn(aResponse().withStatus(404)
                .withBody("{\"title\":\"Not found\"}")));

        assertThatThrownBy(() -> verifier().verifyInclusion(TestObjects.walletIndicator()))
                .isInstanceOf(LogVerificationException.class)
                .hasMessageContaining("is not in the log");
    }
}

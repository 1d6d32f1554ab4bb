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
import org.trilateral.taxonomy.checkpoint.Checkpoint;
import org.trilateral.taxonomy.checkpoint.NoteSigner;
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

    @Test
    void verifyInclusionWhenProofLeadsToCheckpointRootThenLogIndexReturned() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 6).appendLeaf(LeafHasher.CANONICAL_OBJECT.leafHash(object))
                .appendEntries("b", 3);
        serveCheckpoint(log);
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).withQueryParam("id", equalTo(object.get("id").asString()))
                .withQueryParam("tree_size", equalTo("10")).willReturn(okJson(log.inclusionJson(6))));

        assertThat(verifier().verifyInclusion(object)).isEqualTo(6);
    }

    @Test
    void verifyInclusionWhenLogEntryIsAnotherObjectThenNotInLog() {
        ObjectNode object = TestObjects.walletIndicator();
        TestLog log = new TestLog(logKey).appendEntries("a", 10);
        serveCheckpoint(log);
        server.stubFor(get(urlPathEqualTo("/log/proof/inclusion")).willReturn(okJson(log.inclusionJson(6))));

        assertThatThrownBy(() -> verifier().verifyInclusion(object))
                .isInstanceOf(LogVerificationException.class)
                .satisfies(e -> assertThat(((LogVerificationException) e).failure()).isEqualTo(VerificationFailure.NOT_IN_LOG));
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

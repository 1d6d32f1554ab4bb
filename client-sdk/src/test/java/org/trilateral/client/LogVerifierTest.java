package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.WitnessPolicy;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.log.Audience;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK against a deliberately malicious exchange (docs/integrity.md, "Threat model"): each attack a compromised hub
 * can try is detected with a named result, and the honest exchange is accepted unchanged.
 */
class LogVerifierTest {

    private static final String JP = "jp-agency";
    private static final String JP_IDENTITY = "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960";
    private static final String KR = "kr-bank";
    private static final String INDICATORS = "6f3a1c2e-8b4d-4e5f-9a7b-1c2d3e4f5a60";
    private static final Audience AMBER = new Audience("amber", Optional.empty(), List.of());

    private final SigningKey jpRoot = SigningKey.generate();
    private final SigningKey jpKey = SigningKey.generate();
    private FakeExchangeLog log;

    @TempDir
    Path directory;

    @BeforeEach
    void start() throws IOException {
        log = new FakeExchangeLog();
        log.member(JP, JP_IDENTITY, Set.of("trilateral-government", "sector-government"));
        log.member(KR, "identity--d8f4da2b-d8ad-419c-a4e0-03d302c50778", Set.of("sector-payment-provider"));
        log.member("us-admin", "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a", Set.of("sector-government"));
    }

    @AfterEach
    void stop() {
        log.close();
    }

    private TrustPolicy.Builder trusting() {
        return TrustPolicy.builder().logKey(log.logKey.verifierKey()).memberRoot(JP, jpRoot.publicKey());
    }

    private ExchangeClient client(String member, TrustPolicy policy) {
        return client(member, policy, CheckpointStore.inMemory());
    }

    private ExchangeClient client(String member, TrustPolicy policy, CheckpointStore checkpoints) {
        return ExchangeClient.builder().baseUrl(log.baseUrl()).credentials(Credentials.bearer(member))
                .retryPolicy(RetryPolicy.none()).trust(policy).checkpointStore(checkpoints).build();
    }

    private ObjectNode indicator(SigningKey key) {
        ObjectNode indicator = TestObjects.indicators().wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER);
        indicator.put("created_by_ref", JP_IDENTITY);
        return FakeExchangeLog.sign(indicator, key);
    }

    @Test
    void verifyWhenTheObjectIsOlderThanItsKeyThenVerified() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode backlog = TestObjects.indicators().wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER);
        backlog.put("created_by_ref", JP_IDENTITY).put("created", "2019-05-01T00:00:00.000Z")
                .put("modified", "2019-05-01T00:00:00.000Z").put("valid_from", "2019-05-01T00:00:00Z");
        backlog = FakeExchangeLog.sign(backlog, jpKey);
        log.publish(JP, backlog, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        VerificationResult result = client(KR, trusting().build()).verify(backlog, INDICATORS);

        assertThat(result.ok()).as(result.detail()).isTrue();
    }

    @Test
    void verifyWhenHonestExchangeThenVerifiedWithTheKeyTheLogProves() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode indicator = indicator(jpKey);
        long index = log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        VerificationResult result = client(KR, trusting().build()).verify(indicator, INDICATORS);

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.logIndex()).hasValue(index);
        assertThat(result.detail()).contains(jpKey.kid(), "pinned root");
    }

    @Test
    void verifyWhenAdminRegisteredAKeyWithoutTheMembersProofThenUnprovenKey() {
        SigningKey invented = SigningKey.generate();
        log.registerWithRoot(JP, jpKey, jpRoot);
        log.registerByAdmin(JP, invented);
        ObjectNode forged = indicator(invented);
        log.publish(JP, forged, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        VerificationResult result = client(KR, trusting().build()).verify(forged);

        assertThat(result.failure()).isEqualTo(VerificationFailure.UNPROVEN_KEY);
        assertThat(result.detail()).contains("no proof by the member");
    }

    @Test
    void verifyWhenRotatedWithThePreviousKeyThenVerified() {
        SigningKey next = SigningKey.generate();
        log.registerWithRoot(JP, jpKey, jpRoot);
        log.registerRotation(JP, next, jpKey);
        ObjectNode indicator = indicator(next);
        log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        assertThat(client(KR, trusting().build()).verify(indicator).ok()).isTrue();
    }

    @Test
    void verifyWhenSignedWithAKeyTheLogDoesNotHoldThenKeyNotInLog() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode forged = indicator(SigningKey.generate());
        log.publish(JP, forged, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        assertThat(client(KR, trusting().build()).verify(forged).failure()).isEqualTo(VerificationFailure.KEY_NOT_IN_LOG);
    }

    @Test
    void verifyWhenLeafAppendedAfterTheRevocationWithAnOldAcceptedTimeThenRevokedKey() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        log.revoke(JP, jpKey);
        ObjectNode backdated = indicator(jpKey);
        log.publish(JP, backdated, INDICATORS, AMBER, "2026-06-01T00:00:00Z");

        VerificationResult result = client(KR, trusting().build()).verify(backdated);

        assertThat(result.failure()).isEqualTo(VerificationFailure.REVOKED_KEY);
        assertThat(result.detail()).contains("before the object's leaf");
    }

    @Test
    void verifyWhenObjectChangedAfterLoggingThenNotInLog() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode indicator = indicator(jpKey);
        log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        ObjectNode changed = indicator.deepCopy();
        changed.put("name", "something else");

        VerificationResult result = client(KR, trusting().build()).verify(changed);

        assertThat(result.failure()).isEqualTo(VerificationFailure.NOT_IN_LOG);
    }

    @Test
    void verifyWhenEntryNamesAnotherPublisherThenPublisherMismatch() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode indicator = indicator(jpKey);
        log.publish("us-admin", indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");

        assertThat(client(KR, trusting().build()).verify(indicator).failure())
                .isEqualTo(VerificationFailure.PUBLISHER_MISMATCH);
    }

    @Test
    void verifyWhenReaderMayNotReadThenNotInLogAsForAnObjectThatDoesNotExist() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode red = indicator(jpKey);
        log.publish(JP, red, INDICATORS, new Audience("red", Optional.of(List.of()), List.of()), "2026-11-30T00:00:01Z");
        ObjectNode neverLogged = indicator(jpKey);

        VerificationResult hidden = client(KR, trusting().build()).verify(red);
        VerificationResult absent = client(KR, trusting().build()).verify(neverLogged);

        assertThat(hidden.failure()).isEqualTo(VerificationFailure.NOT_IN_LOG);
        assertThat(absent.failure()).isEqualTo(VerificationFailure.NOT_IN_LOG);
    }

    @Test
    void verifyStreamWhenBatchesPreparedAheadOnSeveralThreadsThenEachResultInOrderAsForOneBatch() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode honest = indicator(jpKey);
            log.publish(JP, honest, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
            objects.add(honest);
        }
        ObjectNode changed = objects.get(1).deepCopy().put("name", "something else");
        objects.set(1, changed);
        ObjectNode unknownKey = indicator(SigningKey.generate());
        log.publish(JP, unknownKey, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        objects.add(4, unknownKey);
        ObjectNode otherPublisher = indicator(jpKey);
        log.publish("us-admin", otherPublisher, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        objects.add(otherPublisher);
        List<VerificationResult> oneBatch = client(KR, trusting().build()).verifyAll(objects, INDICATORS);

        List<VerificationResult> streamed = new ArrayList<>();
        long count = client(KR, trusting().build()).verifyStream(objects.iterator(), INDICATORS,
                new VerificationWindow(2, 1, 3), streamed::add);

        assertThat(count).isEqualTo(objects.size());
        assertThat(streamed).extracting(VerificationResult::objectId)
                .containsExactlyElementsOf(objects.stream().map(o -> o.get("id").asString()).toList());
        assertThat(streamed).extracting(VerificationResult::failure)
                .containsExactlyElementsOf(oneBatch.stream().map(VerificationResult::failure).toList());
        assertThat(streamed.get(1).failure()).isEqualTo(VerificationFailure.NOT_IN_LOG);
        assertThat(streamed.get(4).failure()).isEqualTo(VerificationFailure.KEY_NOT_IN_LOG);
        assertThat(streamed.get(objects.size() - 1).failure()).isEqualTo(VerificationFailure.PUBLISHER_MISMATCH);
        assertThat(streamed.stream().filter(VerificationResult::ok)).hasSize(objects.size() - 3);
    }

    @Test
    void verifyStreamWhenTheLogSpansSeveralEntryBundlesThenEveryBundleReadInOrderAndTheKeysFound() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ObjectNode indicator = indicator(jpKey);
            log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
            objects.add(indicator);
        }
        SigningKey next = SigningKey.generate();
        log.registerRotation(JP, next, jpKey);
        ObjectNode rotated = indicator(next);
        log.publish(JP, rotated, INDICATORS, AMBER, "2026-11-30T00:00:02Z");
        objects.add(rotated);

        List<VerificationResult> streamed = new ArrayList<>();
        client(KR, trusting().build()).verifyStream(objects.iterator(), INDICATORS, new VerificationWindow(250, 2, 2),
                streamed::add);

        assertThat(streamed).hasSize(objects.size());
        assertThat(streamed).allSatisfy(result -> assertThat(result.ok()).as(result.detail()).isTrue());
        assertThat(streamed.get(objects.size() - 1).detail()).contains(next.kid());
    }

    @Test
    void verifyStreamWhenReadingTheStreamFailsThenEarlierBatchesGivenAndTheFailureThrownAsItIs() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode indicator = indicator(jpKey);
            log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
            objects.add(indicator);
        }
        java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Iterator<ObjectNode> failingAfterFour = new java.util.Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                readers.add(Thread.currentThread());
                return true;
            }

            @Override
            public ObjectNode next() {
                if (taken == 4) {
                    throw new IllegalStateException("line 5 of the file is not JSON");
                }
                return objects.get(taken++);
            }
        };

        List<VerificationResult> streamed = new ArrayList<>();
        assertThatThrownBy(() -> client(KR, trusting().build()).verifyStream(failingAfterFour, INDICATORS,
                new VerificationWindow(2, 1, 2), streamed::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("line 5 of the file is not JSON");

        assertThat(streamed).extracting(VerificationResult::objectId)
                .containsExactlyElementsOf(objects.subList(0, 4).stream().map(o -> o.get("id").asString()).toList());
        assertThat(streamed).allSatisfy(result -> assertThat(result.ok()).as(result.detail()).isTrue());
        assertThat(readers).as("the stream is read by one background thread").hasSize(1)
                .doesNotContain(Thread.currentThread());
    }

    @Test
    void verifyStreamWhenObjectsLoggedAfterTheVerifiedCheckpointThenRefreshedAndVerified() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode first = indicator(jpKey);
        log.publish(JP, first, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        ExchangeClient client = client(KR, trusting().build());
        client.log().orElseThrow().refresh();
        ObjectNode later = indicator(jpKey);
        log.publish(JP, later, INDICATORS, AMBER, "2026-11-30T00:00:02Z");

        List<VerificationResult> streamed = new ArrayList<>();
        client.verifyStream(List.of(first, later).iterator(), INDICATORS, new VerificationWindow(1, 1, 2), streamed::add);

        assertThat(streamed).allSatisfy(result -> assertThat(result.ok()).as(result.detail()).isTrue());
    }

    @Test
    void refreshWhenLogForkedThenForkWithBothSignedCheckpointsAsEvidence() {
        ExchangeClient client = client(KR, trusting().build());
        log.registerWithRoot(JP, jpKey, jpRoot);
        client.log().orElseThrow().refresh();
        FakeExchangeLog.Tree honest = log.tree.copy();
        log.tree = new FakeExchangeLog.Tree();
        log.registerByAdmin(JP, SigningKey.generate());
        log.registerByAdmin(JP, SigningKey.generate());

        assertThatThrownBy(() -> client.log().orElseThrow().refresh())
                .isInstanceOfSatisfying(LogForkException.class, fork -> {
                    assertThat(fork.evidence().kept()).contains("\n1\n");
                    assertThat(fork.evidence().presented()).contains("\n2\n");
                    assertThat(fork.failure()).isEqualTo(VerificationFailure.LOG_INCONSISTENT);
                });
        log.tree = honest;
    }

    @Test
    void refreshWhenVictimShownAPrivateBranchWithoutWitnessesThenOnlyGossipRevealsIt() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        log.branch = log.tree.copy();
        log.victims = Set.of(KR);
        log.tree.leaves.add("{\"v\":2,\"kind\":\"admin-event\",\"action\":\"member-changed\",\"actor\":\"us-admin\","
                + "\"change\":{},\"accepted\":\"2026-11-30T00:00:00Z\"}");
        log.branch.leaves.add("{\"v\":2,\"kind\":\"admin-event\",\"action\":\"member-suspended\",\"actor\":\"us-admin\","
                + "\"change\":{},\"accepted\":\"2026-11-30T00:00:00Z\"}");
        ExchangeClient victim = client(KR, trusting().build());
        ExchangeClient other = client(JP, trusting().build());
        victim.log().orElseThrow().refresh();
        other.log().orElseThrow().refresh();

        List<String> othersView = other.log().orElseThrow().exportCheckpoints();

        assertThatThrownBy(() -> victim.log().orElseThrow().importCheckpoints(othersView))
                .isInstanceOf(LogForkException.class).hasMessageContaining("different roots");
    }

    @Test
    void refreshWhenVictimShownAPrivateBranchThenWitnessQuorumRefusesIt() {
        Cosigner jpWitness = Cosigner.generate("witness.jp.example/w1");
        Cosigner krWitness = Cosigner.generate("witness.kr.example/w1");
        log.witnesses.add(jpWitness);
        log.witnesses.add(krWitness);
        log.registerWithRoot(JP, jpKey, jpRoot);
        TrustPolicy policy = trusting().witnesses(WitnessPolicy.of(List.of(jpWitness.key(), krWitness.key()), 2)).build();
        client(JP, policy).log().orElseThrow().refresh();
        log.branch = log.tree.copy();
        log.victims = Set.of(KR);
        log.registerByAdmin(JP, SigningKey.generate());
        client(JP, policy).log().orElseThrow().refresh();
        log.branch.leaves.add(log.tree.leaves.get(0));

        assertThatThrownBy(() -> client(KR, policy).log().orElseThrow().refresh())
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(VerificationFailure.WITNESS_QUORUM));
    }

    @Test
    void auditWhenAddressedObjectWithheldThenWithheldWithItsLeaf() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode delivered = indicator(jpKey);
        ObjectNode withheld = indicator(jpKey);
        log.publish(JP, delivered, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        long hidden = log.publish(JP, withheld, INDICATORS, AMBER, "2026-11-30T00:00:02Z");
        log.withholdOpening = (member, index) -> member.equals(KR) && index == hidden;
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();
        verifier.refresh();

        AuditReport report = verifier.audit(0, Long.MAX_VALUE, delivered(delivered));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.failure()).isEqualTo(VerificationFailure.WITHHELD);
            assertThat(finding.logIndex()).isEqualTo(hidden);
        });
    }

    @Test
    void auditWhenOpenedButNotDeliveredThenWithheld() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode notDelivered = indicator(jpKey);
        long index = log.publish(JP, notDelivered, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();
        verifier.refresh();

        AuditReport report = verifier.audit(0, Long.MAX_VALUE, delivered());

        assertThat(report.findings()).extracting(AuditReport.Finding::failure, AuditReport.Finding::logIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(VerificationFailure.WITHHELD, index));
    }

    @Test
    void auditWhenLatestVersionExpiredAndNotDeliveredThenNothingWithheld() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode expired = indicator(jpKey);
        long index = log.publish(JP, expired, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        log.expiry(log.record(index), "2026-11-30T00:00:05Z");
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();
        verifier.refresh();

        AuditReport report = verifier.audit(0, Long.MAX_VALUE, delivered());

        assertThat(report.findings()).as("a default feed leaves an expired version out").isEmpty();
        assertThat(report.opened()).isEqualTo(2);
    }

    @Test
    void auditWhenDeletedVersionServedAsCurrentThenStale() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode indicator = indicator(jpKey);
        long index = log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        ObjectVersionRecord record = log.record(index);
        log.tombstone(record, JP);
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();
        verifier.refresh();

        AuditReport report = verifier.audit(0, Long.MAX_VALUE, delivered(indicator));

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.failure()).isEqualTo(VerificationFailure.STALE);
            assertThat(finding.detail()).contains("deleted");
        });
    }

    @Test
    void auditWhenObjectsForOthersOnlyThenNothingAddressedAndClean() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        log.publish(JP, indicator(jpKey), INDICATORS, new Audience("amber", Optional.empty(),
                List.of("trilateral-government")), "2026-11-30T00:00:01Z");
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();
        verifier.refresh();

        AuditReport report = verifier.audit(0, Long.MAX_VALUE, delivered());

        assertThat(report.addressed()).isZero();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void monitorOwnKeysWhenHubLogsAKeyTheMemberNeverRegisteredThenAlert() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        SigningKey invented = SigningKey.generate();
        log.registerByAdmin(JP, invented);

        List<String> alerts = client(JP, trusting().build()).log().orElseThrow().monitorOwnKeys(JP, Set.of(jpKey.kid()));

        assertThat(alerts).singleElement().asString().contains(invented.kid(), "does not know");
    }

    @Test
    void refreshWhenCheckpointsKeptInFilesThenLaterRunsCheckTheLogOnlyGrew() {
        FileCheckpointStore store = new FileCheckpointStore(directory.resolve("checkpoint"));
        log.registerWithRoot(JP, jpKey, jpRoot);
        client(KR, trusting().build(), store).log().orElseThrow().refresh();
        log.registerRotation(JP, SigningKey.generate(), jpKey);
        client(KR, trusting().build(), store).log().orElseThrow().refresh();
        log.tree.leaves.remove(1);

        assertThatThrownBy(() -> client(KR, trusting().build(), store).log().orElseThrow().refresh())
                .isInstanceOf(LogForkException.class);
        assertThat(store.history()).hasSize(2);
    }

    @Test
    void refreshWhenTrustedOnFirstUseThenKeyKeptAndAnotherKeyRefused() {
        CheckpointStore store = CheckpointStore.inMemory();
        TrustPolicy firstUse = TrustPolicy.builder().trustOnFirstUse().build();
        client(KR, firstUse, store).log().orElseThrow().refresh();

        assertThat(store.firstUseKey()).hasValue(log.logKey.verifierKey().format());
    }

    private static DeliveredObjects delivered(ObjectNode... objects) {
        List<String[]> all = new ArrayList<>();
        for (ObjectNode object : objects) {
            all.add(new String[] {object.get("id").asString(), FakeExchangeLog.sha256(object)});
        }
        return new DeliveredObjects() {
            @Override
            public boolean contains(String id, String digest) {
                return all.stream().anyMatch(o -> o[0].equals(id) && o[1].equals(digest));
            }

            @Override
            public Iterable<String[]> all() {
                return all;
            }
        };
    }

    /** A log of two full entry bundles and a partial one, the first leaf registering jp-agency's key. */
    private void logOf600Leaves() {
        log.registerWithRoot(JP, jpKey, jpRoot);
        ObjectNode indicator = indicator(jpKey);
        while (log.tree.size() < 600) {
            log.publish(JP, indicator, INDICATORS, AMBER, "2026-11-30T00:00:01Z");
        }
    }

    @Test
    void followWhenBundlesAreFullThenProvedFromTheirEntriesWithoutTheirLevelZeroTiles() {
        logOf600Leaves();
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();

        verifier.follow();

        // Full bundles 000 and 001 are proved from their entries; only the partial bundle's level-0 tile is read.
        assertThat(log.requests).contains("tile/entries/000", "tile/entries/001", "tile/entries/002.p/88")
                .doesNotContain("tile/0/000", "tile/0/001").contains("tile/0/002.p/88");
    }

    @Test
    void followWhenAnEntryOfAFullBundleIsAlteredThenLogInconsistent() {
        logOf600Leaves();
        String honest = log.tree.leaves.get(300);
        log.alteredEntries.put(300L, honest.replace("\"kind\":\"sealed\"", "\"kind\":\"sealed\",\"x\":1"));
        assertThat(log.alteredEntries.get(300L)).isNotEqualTo(honest);
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();

        assertThatThrownBy(verifier::follow).isInstanceOfSatisfying(LogVerificationException.class, e -> {
            assertThat(e.failure()).isEqualTo(VerificationFailure.LOG_INCONSISTENT);
            assertThat(e.getMessage()).contains("tile/entries/001", "do not lead to the root");
        });
    }

    @Test
    void followWhenAnEntryOfThePartialBundleIsAlteredThenLogInconsistent() {
        logOf600Leaves();
        String honest = log.tree.leaves.get(590);
        log.alteredEntries.put(590L, honest.replace("\"kind\":\"sealed\"", "\"kind\":\"sealed\",\"x\":1"));
        LogVerifier verifier = client(KR, trusting().build()).log().orElseThrow();

        assertThatThrownBy(verifier::follow).isInstanceOfSatisfying(LogVerificationException.class, e -> {
            assertThat(e.failure()).isEqualTo(VerificationFailure.LOG_INCONSISTENT);
            assertThat(e.getMessage()).contains("entry 590", "does not hash to the log's leaf hash");
        });
    }
}

package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.exchange.taxii.TaxiiMediaTypes;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedLeaf;
import org.trilateral.integrity.log.TombstoneRecord;
import org.trilateral.integrity.tiles.TilePath;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The transparency log over real HTTP: what ingest and deletion append, and the proofs a consumer checks. */
class TransparencyLogTest extends ExchangeIntegrationTest {

    private static final String MEMBER = ExchangeIntegrationTest.MEMBER;

    @Autowired
    TransparencyLog log;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    LogStore store;

    @Autowired
    CheckpointSigner signer;

    @Autowired
    AudienceSecret audienceSecret;

    private LogClient logClient() {
        return new LogClient(client());
    }

    @Test
    void publishWhenAcceptedThenEachObjectHasALogIndexAndItsInclusionProofVerifiesAgainstTheSignedCheckpoint() {
        List<ObjectNode> objects = List.of(TestStix.indicator(), TestStix.indicator(), TestStix.ipv4("198.51.100.9"));
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(objects));
        Checkpoint checkpoint = logClient().checkpoint();

        for (int i = 0; i < objects.size(); i++) {
            JsonNode detail = status.get("successes").get(i);
            long index = detail.get("log_index").longValue();
            assertThat(index).isLessThan(checkpoint.size());
            assertThat(logClient().verifyIncluded("index=" + index, checkpoint)).isEqualTo(index);
        }
        JsonNode first = status.get("successes").get(0);
        String byVersion = "id=" + first.get("id").stringValue() + "&modified=" + first.get("version").stringValue();
        assertThat(logClient().verifyIncluded(byVersion, checkpoint)).isEqualTo(first.get("log_index").longValue());
    }

    @Test
    void leafWhenObjectVersionThenSealedAndItsOpeningNamesCollectionIdVersionDigestSignerAndAudience() {
        SigningKey key = TestStix.MEMBER_KEY;
        ObjectNode signed = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(TestStix.indicator());
        long index = taxii().publish(Taxii.INDICATORS, TestStix.envelope(signed)).get("successes").get(0)
                .get("log_index").longValue();
        String sha = HexFormat.of().formatHex(sha256(JsonCanonicalizer.canonicalize(signed)));

        JsonNode leaf = logClient().leaf(index);
        assertThat(leaf.get("kind").stringValue()).isEqualTo("sealed");
        assertThat(leaf.get("v").intValue()).isEqualTo(2);
        assertThat(leaf.propertyNames()).containsExactlyInAnyOrder("v", "kind", "commitment", "tags");
        assertThat(leaf.toString()).doesNotContain(signed.get("id").stringValue(), key.kid(), sha);

        LeafOpening opening = LeafOpening.parse(logClient().json("/log/openings/" + index));
        assertThat(opening.leaf()).isEqualTo(SealedLeaf.parse(leaf));
        ObjectVersionRecord entry = (ObjectVersionRecord) opening.openedEntry();
        assertThat(entry.id()).isEqualTo(signed.get("id").stringValue());
        assertThat(entry.version()).isEqualTo(TestStix.CREATED);
        assertThat(entry.collection()).isEqualTo("6f3a1c2e-8b4d-4e5f-9a7b-1c2d3e4f5a60");
        assertThat(entry.objectSha256()).isEqualTo(sha);
        assertThat(entry.kid()).contains(key.kid());
        assertThat(entry.signature().orElseThrow()).contains("..");
        assertThat(entry.publisher()).isEqualTo(MEMBER);
        assertThat(entry.audience().tlp()).isEqualTo("amber");
        assertThat(entry.accepted()).endsWith("Z");
    }

    @Test
    void openingsWhenAskedByObjectThenTheOpeningOfThatContentAndNothingForOtherContent() {
        ObjectNode indicator = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, TestStix.MEMBER_KEY)
                .sign(TestStix.indicator());
        long index = taxii().publish(Taxii.INDICATORS, TestStix.envelope(indicator)).get("successes").get(0)
                .get("log_index").longValue();
        String sha = HexFormat.of().formatHex(sha256(JsonCanonicalizer.canonicalize(indicator)));
        String id = indicator.get("id").stringValue();

        JsonNode found = postOpenings("{\"objects\":[{\"id\":\"" + id + "\",\"object_sha256\":\"" + sha + "\"}]}");
        JsonNode other = postOpenings("{\"objects\":[{\"id\":\"" + id + "\",\"object_sha256\":\"" + "0".repeat(64) + "\"}]}");

        assertThat(found.get("openings")).hasSize(1);
        assertThat(found.get("openings").get(0).get("log_index").longValue()).isEqualTo(index);
        assertThat(other.get("openings")).isEmpty();
    }

    @Test
    void tilesWhenReadThenHoldTheLeafHashesAndTheEntryBundleTheLeafTexts() {
        taxii().publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator(), TestStix.indicator()));
        Checkpoint checkpoint = logClient().checkpoint();
        long size = checkpoint.size();
        TilePath hashes = TilePath.covering(0, size - 1, size);
        TilePath entries = TilePath.entriesCovering(size - 1, size);

        byte[] tile = bytes("/log/" + hashes.path());
        byte[] bundle = bytes("/log/" + entries.path());

        assertThat(tile).hasSize(hashes.width() * 32);
        long last = size - 1;
        int offset = (int) (last % 256) * 32;
        byte[] lastHash = java.util.Arrays.copyOfRange(tile, offset, offset + 32);
        assertThat(java.util.Base64.getEncoder().encodeToString(lastHash))
                .isEqualTo(logClient().json("/log/leaves/" + last).get("leaf_hash").stringValue());
        assertThat(new String(bundle, java.nio.charset.StandardCharsets.UTF_8))
                .contains(logClient().json("/log/leaves/" + last).get("leaf").toString());
        // Every entry, after its big-endian uint16 length, hashes to its leaf hash in the tile, and nothing follows.
        java.nio.ByteBuffer entriesRead = java.nio.ByteBuffer.wrap(bundle);
        for (int i = 0; i < entries.width(); i++) {
            byte[] entry = new byte[Short.toUnsignedInt(entriesRead.getShort())];
            entriesRead.get(entry);
            assertThat(org.trilateral.integrity.merkle.MerkleHash.leaf(entry)).as("entry %d", i)
                    .isEqualTo(java.util.Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
        }
        assertThat(entriesRead.hasRemaining()).isFalse();
        // A bundle wider than the tree is not served (yet).
        client().get().uri("/log/" + new TilePath(TilePath.ENTRIES, entries.index(), entries.width() + 1).path())
                .exchange().expectStatus().isNotFound();
        client().get().uri("/log/tile/0/999.p/3").exchange().expectStatus().isNotFound();
    }

    @Test
    void publishWhenVersionAlreadyStoredThenStatusGivesTheOriginalLogIndex() {
        ObjectNode indicator = TestStix.indicator();
        long first = taxii().publish(Taxii.INDICATORS, TestStix.envelope(indicator)).get("successes").get(0)
                .get("log_index").longValue();
        long sizeBefore = logClient().checkpoint().size();

        JsonNode again = taxii().publish(Taxii.INDICATORS, TestStix.envelope(indicator)).get("successes").get(0);

        assertThat(again.get("log_index").longValue()).isEqualTo(first);
        assertThat(logClient().checkpoint().size()).isEqualTo(sizeBefore);
    }

    @Test
    void checkpointsWhenLogGrowsThenEachEarlierOneIsConsistentWithEachLaterOne() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        checkpoints.add(logClient().checkpoint());
        for (int batch = 1; batch <= 4; batch++) {
            List<ObjectNode> objects = new ArrayList<>();
            for (int i = 0; i < batch * 3; i++) {
                objects.add(TestStix.indicator());
            }
            taxii().publish(Taxii.INDICATORS, TestStix.envelope(objects));
            checkpoints.add(logClient().checkpoint());
        }

        for (int i = 0; i < checkpoints.size(); i++) {
            for (int j = i; j < checkpoints.size(); j++) {
                logClient().verifyConsistent(checkpoints.get(i), checkpoints.get(j));
            }
        }
        assertThat(checkpoints.get(4).size() - checkpoints.get(0).size()).isEqualTo(3 + 6 + 9 + 12);
    }

    @Test
    void deleteWhenObjectDeletedThenTombstoneLeafIsAppendedAndTheVersionLeafStays() {
        ObjectNode indicator = TestStix.indicator();
        String id = indicator.get("id").stringValue();
        long versionIndex = taxii().publish(Taxii.INDICATORS, TestStix.envelope(indicator)).get("successes").get(0)
                .get("log_index").longValue();
        long sizeBefore = logClient().checkpoint().size();

        client().delete().uri(Taxii.INDICATORS + "objects/" + id + "/").header("Accept", TaxiiMediaTypes.TAXII_VALUE)
                .exchange().expectStatus().isOk();

        Checkpoint after = logClient().checkpoint();
        assertThat(after.size()).isEqualTo(sizeBefore + 1);
        assertThat(logClient().leaf(sizeBefore).get("kind").stringValue()).isEqualTo("sealed");
        TombstoneRecord tombstone = (TombstoneRecord) LeafOpening.parse(logClient().json("/log/openings/" + sizeBefore))
                .openedEntry();
        assertThat(tombstone.id()).isEqualTo(id);
        assertThat(tombstone.version()).isEqualTo(TestStix.CREATED);
        assertThat(tombstone.deletedBy()).isEqualTo(MEMBER);
        assertThat(LeafOpening.parse(logClient().json("/log/openings/" + versionIndex)).openedEntry())
                .isInstanceOf(ObjectVersionRecord.class);
        logClient().verifyIncluded("index=" + versionIndex, after);
        logClient().verifyIncluded("index=" + sizeBefore, after);
    }

    @Test
    void appendKeyEventWhenCalledThenKeyEventLeafIsLogged() {
        SigningKey key = SigningKey.generate();
        KeyEventEntry event = new KeyEventEntry(KeyEventLeaf.Event.REGISTRATION, "kr-nis", "identity--1", key.kid(),
                Optional.of(key.publicKey()), Optional.of("2026-01-01T00:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), "us-admin", "admin", Optional.empty());

        long index = log.appendKeyEvent(event).as(transaction::transactional).block();

        JsonNode leaf = logClient().leaf(index);
        assertThat(leaf.get("kind").stringValue()).isEqualTo("key-event");
        assertThat(leaf.get("member").stringValue()).isEqualTo("kr-nis");
        assertThat(leaf.get("actor").stringValue()).isEqualTo("us-admin");
        logClient().verifyIncluded("index=" + index, logClient().checkpoint());
    }

    @Test
    void appendWhenAnEarlierBatchRolledBackThenTheNextExtendsTheCommittedHead() {
        Checkpoint before = logClient().checkpoint();

        Mono<Long> rolledBack = log.appendKeyEvent(keyEvent())
                .then(Mono.<Long>error(new IllegalStateException("the caller's transaction fails after the append")))
                .as(transaction::transactional);
        assertThatThrownBy(rolledBack::block).hasMessageContaining("the caller's transaction fails");
        long index = log.appendKeyEvent(keyEvent()).as(transaction::transactional).block();

        // The range the rolled-back batch left is not the committed head's: the append read the head's range again.
        assertThat(index).isEqualTo(before.size());
        Checkpoint after = logClient().checkpoint();
        logClient().verifyConsistent(before, after);
        logClient().verifyIncluded("index=" + index, after);
    }

    @Test
    void appendWhenAnotherInstanceAppendedMeanwhileThenEachAppendExtendsTheOtherOnes() {
        // A second exchange instance on the same database: its own range, the same tables and lock.
        TransparencyLog other = new TransparencyLog(store, signer, audienceSecret);
        Checkpoint before = logClient().checkpoint();

        long first = log.appendKeyEvent(keyEvent()).as(transaction::transactional).block();
        long second = other.appendKeyEvent(keyEvent()).as(transaction::transactional).block();
        long third = log.appendKeyEvent(keyEvent()).as(transaction::transactional).block();
        long fourth = log.appendKeyEvent(keyEvent()).as(transaction::transactional).block();

        assertThat(List.of(first, second, third, fourth))
                .containsExactly(before.size(), before.size() + 1, before.size() + 2, before.size() + 3);
        Checkpoint after = logClient().checkpoint();
        logClient().verifyConsistent(before, after);
        for (long index : List.of(first, second, third, fourth)) {
            logClient().verifyIncluded("index=" + index, after);
        }
    }

    private static KeyEventEntry keyEvent() {
        SigningKey key = SigningKey.generate();
        return new KeyEventEntry(KeyEventLeaf.Event.REGISTRATION, "kr-nis", "identity--1", key.kid(),
                Optional.of(key.publicKey()), Optional.of("2026-01-01T00:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), "us-admin", "admin", Optional.empty());
    }

    @Test
    void wellKnownWhenRequestedThenSameCheckpointAsLogCheckpoint() {
        assertThat(logClient().text("/.well-known/exchange-log")).isEqualTo(logClient().text("/log/checkpoint"));
    }

    @Test
    void proofWhenTreeSizeBeyondTheLogThenProblemDetails() {
        long size = logClient().checkpoint().size();

        client().get().uri("/log/proof/inclusion?index=0&tree_size=" + (size + 1)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo("tree size " + (size + 1) + " is larger than the log (size " + size + ")");
    }

    @Test
    void leafWhenIndexNotANumberOrAbsentThenProblemDetails() {
        client().get().uri("/log/leaves/x").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the parameter index must be a non-negative decimal number, not \"x\"");
        client().get().uri("/log/leaves/999999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the log has no leaf 999999");
    }

    @Test
    void inclusionWhenObjectVersionUnknownThenNotFound() {
        client().get().uri("/log/proof/inclusion?id=indicator--00000000-0000-4000-8000-000000000000&modified=" + TestStix.CREATED)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode postOpenings(String body) {
        byte[] answer = client().post().uri("/log/openings").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(answer, java.nio.charset.StandardCharsets.UTF_8));
    }

    private byte[] bytes(String path) {
        return client().get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectBody().returnResult().getResponseBody();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

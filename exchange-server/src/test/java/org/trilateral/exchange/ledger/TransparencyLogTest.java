package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The transparency log over real HTTP: what ingest and deletion append, and the proofs a consumer checks. */
class TransparencyLogTest extends ExchangeIntegrationTest {

    @Autowired
    TransparencyLog log;

    @Autowired
    TransactionalOperator transaction;

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
    void leafWhenObjectVersionThenNamesCollectionIdVersionDigestAndIndex() {
        SigningKey key = TestStix.MEMBER_KEY;
        ObjectNode signed = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(TestStix.indicator());
        long index = taxii().publish(Taxii.INDICATORS, TestStix.envelope(signed)).get("successes").get(0)
                .get("log_index").longValue();

        JsonNode leaf = logClient().leaf(index);

        assertThat(leaf.get("kind").stringValue()).isEqualTo("object-version");
        assertThat(leaf.get("id").stringValue()).isEqualTo(signed.get("id").stringValue());
        assertThat(leaf.get("modified").stringValue()).isEqualTo(TestStix.CREATED);
        assertThat(leaf.get("collection").stringValue()).isEqualTo("6f3a1c2e-8b4d-4e5f-9a7b-1c2d3e4f5a60");
        assertThat(leaf.get("object_sha256").stringValue())
                .isEqualTo(HexFormat.of().formatHex(sha256(JsonCanonicalizer.canonicalize(signed))));
        assertThat(leaf.get("kid").stringValue()).isEqualTo(key.kid());
        assertThat(leaf.get("signature").stringValue()).contains("..");
        assertThat(leaf.get("log_index").longValue()).isEqualTo(index);
        assertThat(leaf.get("accepted").stringValue()).endsWith("Z");
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
        JsonNode tombstone = logClient().leaf(sizeBefore);
        assertThat(tombstone.get("kind").stringValue()).isEqualTo("tombstone");
        assertThat(tombstone.get("id").stringValue()).isEqualTo(id);
        assertThat(tombstone.get("modified").stringValue()).isEqualTo(TestStix.CREATED);
        assertThat(logClient().leaf(versionIndex).get("kind").stringValue()).isEqualTo("object-version");
        logClient().verifyIncluded("index=" + versionIndex, after);
        logClient().verifyIncluded("index=" + sizeBefore, after);
    }

    @Test
    void appendKeyEventWhenCalledThenKeyEventLeafIsLogged() {
        KeyEventEntry event = new KeyEventEntry(KeyEventEntry.Event.REGISTRATION, "kr-nis", "kid-42",
                Optional.of(StixJson.mapper().createObjectNode().put("kty", "OKP")));

        long index = log.appendKeyEvent(event).as(transaction::transactional).block();

        JsonNode leaf = logClient().leaf(index);
        assertThat(leaf.get("kind").stringValue()).isEqualTo("key-event");
        assertThat(leaf.get("member").stringValue()).isEqualTo("kr-nis");
        logClient().verifyIncluded("index=" + index, logClient().checkpoint());
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

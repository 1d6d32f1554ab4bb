package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.merkle.ConsistencyProof;
import org.trilateral.integrity.merkle.InclusionProof;
import org.trilateral.integrity.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;

/** The calls a log consumer makes, each checked with the taxonomy verifiers as a consumer would. */
final class LogClient {

    static final String ORIGIN = "trilateral-exchange.example/log";

    private final WebTestClient client;

    LogClient(WebTestClient client) {
        this.client = client;
    }

    String text(String path) {
        byte[] body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/plain;charset=UTF-8")
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json(String path) {
        byte[] body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, StandardCharsets.UTF_8));
    }

    NoteVerifierKey key() {
        return NoteVerifierKey.parse(text("/log/key").strip());
    }

    /** The latest checkpoint, its signature verified with the served key. */
    Checkpoint checkpoint() {
        return Checkpoint.openSigned(text("/log/checkpoint"), ORIGIN, List.of(key()));
    }

    /** The leaf at {@code index}; its hash is checked against its JCS form. */
    JsonNode leaf(long index) {
        JsonNode leaf = json("/log/leaves/" + index);
        byte[] hash = MerkleHash.leaf(JsonCanonicalizer.canonicalize(leaf.get("leaf")));
        assertThat(Base64.getEncoder().encodeToString(hash)).isEqualTo(leaf.get("leaf_hash").stringValue());
        return leaf.get("leaf");
    }

    /** Fetches the inclusion proof for {@code query} at the checkpoint's size and verifies it; answers the index. */
    long verifyIncluded(String query, Checkpoint checkpoint) {
        JsonNode proof = json("/log/proof/inclusion?" + query + "&tree_size=" + checkpoint.size());
        assertThat(proof.get("tree_size").longValue()).isEqualTo(checkpoint.size());
        long index = proof.get("log_index").longValue();
        byte[] leafHash = Base64.getDecoder().decode(proof.get("leaf_hash").stringValue());
        new InclusionProof(index, checkpoint.size(), hashes(proof.get("proof"))).verify(leafHash, checkpoint.rootHash());
        return index;
    }

    /** Fetches the consistency proof between two checkpoints and verifies it. */
    void verifyConsistent(Checkpoint older, Checkpoint newer) {
        JsonNode proof = json("/log/proof/consistency?from=" + older.size() + "&to=" + newer.size());
        assertThat(proof.get("from").longValue()).isEqualTo(older.size());
        assertThat(proof.get("to").longValue()).isEqualTo(newer.size());
        new ConsistencyProof(older.size(), newer.size(), hashes(proof.get("proof")))
                .verify(older.rootHash(), newer.rootHash());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.stringValue())));
        return hashes;
    }
}

package org.trilateral.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHashes;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An in-memory RFC 9162 log for the tests, with leaves and signed checkpoints like the exchange's log. */
final class TestLog {

    static final String ORIGIN = "exchange.example/log";

    private final NoteSigner signer;
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<Integer, String> leafTexts = new HashMap<>();

    TestLog(NoteSigner signer) {
        this.signer = signer;
    }

    TestLog appendEntries(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleHash.leaf((prefix + i).getBytes()));
        }
        return this;
    }

    TestLog appendLeaf(byte[] leafHash) {
        leaves.add(leafHash);
        return this;
    }

    /** Appends the exchange's {@code object-version} leaf of {@code object} as added to {@code collectionId}. */
    TestLog appendObjectVersion(JsonNode object, String collectionId) {
        ObjectNode leaf = StixJson.mapper().createObjectNode();
        leaf.put("kind", "object-version");
        leaf.put("collection", collectionId);
        leaf.put("id", object.get("id").asString());
        leaf.put("modified", object.get("modified").asString());
        leaf.put("object_sha256", ObjectVersionLeaf.objectSha256(object));
        leaf.put("log_index", leaves.size());
        leaf.put("accepted", "2026-05-01T12:00:00.000000Z");
        byte[] canonical = JsonCanonicalizer.canonicalize(leaf);
        leafTexts.put(leaves.size(), new String(canonical, StandardCharsets.UTF_8));
        leaves.add(MerkleHash.leaf(canonical));
        return this;
    }

    /** The answer of {@code GET /log/leaves/{index}} for a leaf appended with {@link #appendObjectVersion}. */
    String leafJson(int index) {
        return "{\"log_index\":" + index + ",\"leaf\":" + leafTexts.get(index) + ",\"leaf_hash\":\""
                + Base64.getEncoder().encodeToString(leaves.get(index)) + "\"}";
    }

    int size() {
        return leaves.size();
    }

    private SubtreeHashes hashes() {
        return this::subtree;
    }

    private byte[] subtree(int level, long index) {
        if (level == 0) {
            return leaves.get((int) index);
        }
        return MerkleHash.node(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
    }

    Checkpoint checkpoint() {
        return new Checkpoint(ORIGIN, leaves.size(), MerkleProofs.root(leaves.size(), hashes()));
    }

    String signedCheckpoint() {
        return checkpoint().sign(signer).format();
    }

    String consistencyJson(long from, long to) {
        return "{\"proof\":" + base64Array(MerkleProofs.consistency(from, to, hashes()).path()) + "}";
    }

    String inclusionJson(long index) {
        return "{\"log_index\":" + index + ",\"tree_size\":" + leaves.size() + ",\"proof\":"
                + base64Array(MerkleProofs.inclusion(index, leaves.size(), hashes()).path())
                + ",\"leaf_hash\":\"" + Base64.getEncoder().encodeToString(leaves.get((int) index)) + "\"}";
    }

    private static String base64Array(List<byte[]> path) {
        return path.stream().map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}

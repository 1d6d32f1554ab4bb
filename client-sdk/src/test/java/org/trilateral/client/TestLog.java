package org.trilateral.client;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.trilateral.taxonomy.checkpoint.Checkpoint;
import org.trilateral.taxonomy.checkpoint.NoteSigner;
import org.trilateral.taxonomy.merkle.MerkleHash;
import org.trilateral.taxonomy.merkle.MerkleProofs;
import org.trilateral.taxonomy.merkle.SubtreeHashes;

/** An in-memory RFC 9162 log for the tests, signing its checkpoints like the exchange's log will. */
final class TestLog {

    static final String ORIGIN = "exchange.example/log";

    private final NoteSigner signer;
    private final List<byte[]> leaves = new ArrayList<>();

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

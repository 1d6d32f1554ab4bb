package org.trilateral.integrity.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an append-only Merkle tree: one perfect-subtree hash per set bit of the tree size, which
 * is all that is needed to append leaves and compute the root. Each append reports the perfect subtrees it
 * completes, which the log persists so that {@link MerkleProofs} can answer proofs later. Not thread-safe:
 * the log appends from one writer.
 */
public final class CompactRange {

    private long size;
    /** Perfect subtree hashes for the set bits of {@code size}, largest (leftmost) first. */
    private final List<byte[]> edge = new ArrayList<>();

    private CompactRange() {
    }

    /** A range over the empty tree. */
    public static CompactRange empty() {
        return new CompactRange();
    }

    /**
     * A range over an existing tree of {@code size} leaves, read from its persisted subtree hashes with one read
     * per set bit of the size.
     */
    public static CompactRange restore(long size, SubtreeHashes hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        CompactRange range = new CompactRange();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                range.edge.add(MerkleHash.requireHash(hashes.hash(level, start >> level),
                        "stored hash of subtree level " + level + " index " + (start >> level)).clone());
                start += 1L << level;
            }
        }
        range.size = size;
        return range;
    }

    /** An independent range over the same tree: appending to either leaves the other as it was. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.size = size;
        edge.forEach(hash -> copy.edge.add(hash.clone()));
        return copy;
    }

    /** Number of leaves appended so far. */
    public long size() {
        return size;
    }

    /**
     * Appends one leaf and returns the perfect subtrees this completes, smallest first: the leaf itself
     * (level 0), then each parent that became perfect.
     */
    public List<SubtreeHash> append(byte[] leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] hash = MerkleHash.requireHash(leafHash, "leaf hash").clone();
        long index = size;
        int level = 0;
        List<SubtreeHash> completed = new ArrayList<>();
        completed.add(new SubtreeHash(0, index, hash));
        // Each trailing one bit of the old size is a left sibling that now has a complete right neighbour.
        while (((size >> level) & 1) == 1) {
            byte[] left = edge.remove(edge.size() - 1);
            hash = MerkleHash.node(left, hash);
            level++;
            index >>= 1;
            completed.add(new SubtreeHash(level, index, hash));
        }
        edge.add(hash);
        size++;
        return List.copyOf(completed);
    }

    /** The current root hash (RFC 9162 §2.1.1); the empty tree's root when nothing was appended. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] hash = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(edge.get(i), hash);
        }
        return hash.clone();
    }
}

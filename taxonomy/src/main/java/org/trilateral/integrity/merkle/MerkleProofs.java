package org.trilateral.integrity.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Proof generation for the log server from persisted perfect-subtree hashes (RFC 9162 §2.1.3.1, §2.1.4.1).
 *
 * <p>Every node of the RFC 9162 tree covers a leaf range {@code [lo, hi)} where {@code lo} is a multiple of the
 * largest power of two not above {@code hi - lo}; such a range is a perfect subtree, or (on the right edge) the
 * right fold of the perfect subtrees of its size's binary decomposition. A proof therefore needs O(log n)
 * {@link SubtreeHashes} reads: one per level, plus one fold along the right edge.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * The root hash of the tree of {@code treeSize} leaves; the empty tree's root when the size is 0.
     *
     * @throws InvalidProofException if the size is negative
     */
    public static byte[] root(long treeSize, SubtreeHashes hashes) {
        if (treeSize < 0) {
            throw new InvalidProofException("tree size " + treeSize + " is negative");
        }
        return treeSize == 0 ? MerkleHash.emptyRoot() : rangeHash(0, treeSize, hashes);
    }

    /**
     * The inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves: RFC 9162 §2.1.3.1
     * {@code PATH(m, D[n])}.
     *
     * @throws InvalidProofException if the leaf is not in the tree
     */
    public static InclusionProof inclusion(long leafIndex, long treeSize, SubtreeHashes hashes) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidProofException("leaf index " + leafIndex + " is not inside a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        // Walk down from the root; each step's sibling is appended, so the path is collected top-down.
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (leafIndex < lo + k) {
                path.add(rangeHash(lo + k, hi, hashes));
                hi = lo + k;
            } else {
                path.add(rangeHash(lo, lo + k, hashes));
                lo = lo + k;
            }
        }
        return new InclusionProof(leafIndex, treeSize, reversed(path));
    }

    /**
     * The consistency proof between the trees of {@code size1} and {@code size2} leaves: RFC 9162 §2.1.4.1
     * {@code PROOF(m, D[n])}; empty when {@code size1} is 0 or equals {@code size2}.
     *
     * @throws InvalidProofException if the sizes are negative or shrink
     */
    public static ConsistencyProof consistency(long size1, long size2, SubtreeHashes hashes) {
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("tree size " + size2 + " cannot extend tree size " + size1);
        }
        List<byte[]> path = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            long lo = 0;
            long hi = size2;
            boolean wholeOldTree = true;
            // SUBPROOF(m, D[lo:hi], b), unrolled; siblings are collected top-down.
            while (size1 != hi) {
                long k = largestPowerOfTwoBelow(hi - lo);
                if (size1 <= lo + k) {
                    path.add(rangeHash(lo + k, hi, hashes));
                    hi = lo + k;
                } else {
                    path.add(rangeHash(lo, lo + k, hashes));
                    lo = lo + k;
                    wholeOldTree = false;
                }
            }
            if (!wholeOldTree) {
                path.add(rangeHash(lo, hi, hashes));
            }
        }
        return new ConsistencyProof(size1, size2, reversed(path));
    }

    /**
     * The hash of the RFC 9162 node over leaves {@code [lo, hi)}, where {@code lo} is aligned to the largest
     * power of two not above {@code hi - lo}: the right fold of the perfect subtrees of the binary
     * decomposition of {@code hi - lo}, largest first.
     */
    static byte[] rangeHash(long lo, long hi, SubtreeHashes hashes) {
        List<byte[]> perfect = new ArrayList<>();
        long start = lo;
        long remaining = hi - lo;
        while (remaining > 0) {
            int level = 63 - Long.numberOfLeadingZeros(remaining);
            long size = 1L << level;
            perfect.add(MerkleHash.requireHash(hashes.hash(level, start >> level),
                    "stored hash of subtree level " + level + " index " + (start >> level)));
            start += size;
            remaining -= size;
        }
        byte[] hash = perfect.get(perfect.size() - 1);
        for (int i = perfect.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(perfect.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two strictly below {@code n}, for {@code n > 1} (RFC 9162 §2.1.1's k). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static List<byte[]> reversed(List<byte[]> path) {
        List<byte[]> bottomUp = new ArrayList<>(path.size());
        for (int i = path.size() - 1; i >= 0; i--) {
            bottomUp.add(path.get(i));
        }
        return bottomUp;
    }
}

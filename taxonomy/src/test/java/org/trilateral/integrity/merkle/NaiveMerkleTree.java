package org.trilateral.integrity.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The RFC 9162 §2.1 definitions written literally and recursively: the reference the fast code is checked against. */
final class NaiveMerkleTree {

    private final List<byte[]> leafHashes = new ArrayList<>();

    static NaiveMerkleTree ofSize(int size) {
        NaiveMerkleTree tree = new NaiveMerkleTree();
        for (int i = 0; i < size; i++) {
            tree.leafHashes.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return tree;
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index);
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(int lo, int hi) {
        if (hi - lo == 0) {
            return MerkleHash.emptyRoot();
        }
        if (hi - lo == 1) {
            return leafHashes.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return MerkleHash.node(mth(lo, lo + k), mth(lo + k, hi));
    }

    /** PATH(m, D[lo:hi]). */
    List<byte[]> path(int m, int lo, int hi) {
        List<byte[]> path = new ArrayList<>();
        if (hi - lo <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        if (m - lo < k) {
            path.addAll(path(m, lo, lo + k));
            path.add(mth(lo + k, hi));
        } else {
            path.addAll(path(m, lo + k, hi));
            path.add(mth(lo, lo + k));
        }
        return path;
    }

    /** SUBPROOF(m, D[lo:hi], b) with m counted from lo. */
    List<byte[]> subproof(int m, int lo, int hi, boolean wholeOldTree) {
        List<byte[]> proof = new ArrayList<>();
        if (m == hi - lo) {
            if (!wholeOldTree) {
                proof.add(mth(lo, hi));
            }
            return proof;
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        if (m <= k) {
            proof.addAll(subproof(m, lo, lo + k, wholeOldTree));
            proof.add(mth(lo + k, hi));
        } else {
            proof.addAll(subproof(m - k, lo + k, hi, false));
            proof.add(mth(lo, lo + k));
        }
        return proof;
    }

    /** Perfect-subtree hashes straight from the leaves, counting reads. */
    CountingSubtreeHashes subtreeHashes() {
        return new CountingSubtreeHashes((level, index) -> mth((int) (index << level), (int) ((index + 1) << level)));
    }

    static final class CountingSubtreeHashes implements SubtreeHashes {
        private final SubtreeHashes delegate;
        int reads;

        CountingSubtreeHashes(SubtreeHashes delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] hash(int level, long index) {
            reads++;
            return delegate.hash(level, index);
        }
    }
}

package org.trilateral.integrity.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * A proof that the tree of {@code size2} leaves extends the tree of {@code size1} leaves: same first leaves,
 * only appends (RFC 9162 §2.1.4). Immutable; the path elements are copied in and out.
 */
public final class ConsistencyProof {

    private final long size1;
    private final long size2;
    private final List<byte[]> path;

    /**
     * @param path the proof's node hashes; {@code null} is read as empty
     * @throws InvalidProofException if the sizes are negative or shrink, or an element is not a 32-byte hash
     */
    public ConsistencyProof(long size1, long size2, List<byte[]> path) {
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("tree size " + size2 + " cannot extend tree size " + size1);
        }
        this.size1 = size1;
        this.size2 = size2;
        this.path = ProofPath.copyOf(path);
    }

    public long size1() {
        return size1;
    }

    public long size2() {
        return size2;
    }

    /** The proof's hashes, as copies. */
    public List<byte[]> path() {
        return ProofPath.copies(path);
    }

    /**
     * Checks that {@code root2} (tree of {@code size2}) extends {@code root1} (tree of {@code size1}),
     * per RFC 9162 §2.1.4.2.
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(byte[] root1, byte[] root2) {
        MerkleHash.requireHash(root1, "first root hash");
        MerkleHash.requireHash(root2, "second root hash");
        if (size1 == size2 || size1 == 0) {
            verifyTrivial(root1, root2);
            return;
        }
        // Step 1: a proof between two different non-empty trees is never empty.
        if (path.isEmpty()) {
            throw new InvalidProofException("consistency proof from " + size1 + " to " + size2 + " is empty");
        }
        List<byte[]> c = path;
        // Step 2: when size1 is a power of two, the old root is itself a node of the new tree and is omitted.
        boolean oldRootOmitted = Long.bitCount(size1) == 1;
        long fn = size1 - 1;
        long sn = size2 - 1;
        // Step 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        byte[] fr = oldRootOmitted ? root1 : c.get(0);
        byte[] sr = fr;
        // Step 6.
        for (int i = oldRootOmitted ? 0 : 1; i < c.size(); i++) {
            byte[] node = c.get(i);
            if (sn == 0) {
                throw new InvalidProofException("consistency proof from " + size1 + " to " + size2
                        + " has more elements than the trees need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(node, fr);
                sr = MerkleHash.node(node, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, node);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new InvalidProofException("consistency proof from " + size1 + " to " + size2
                    + " has fewer elements than the trees need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new InvalidProofException("consistency proof does not lead to the root of the tree of size "
                    + size1);
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new InvalidProofException("consistency proof does not lead to the root of the tree of size "
                    + size2);
        }
    }

    /** Equal sizes, or an empty first tree: nothing to prove, so the proof must be empty (RFC 9162 §2.1.4.1). */
    private void verifyTrivial(byte[] root1, byte[] root2) {
        if (!path.isEmpty()) {
            throw new InvalidProofException("consistency proof from " + size1 + " to " + size2
                    + " must be empty, but has " + path.size() + " elements");
        }
        if (size1 == 0 && !MessageDigest.isEqual(root1, MerkleHash.emptyRoot())) {
            throw new InvalidProofException("the root of the empty tree must be SHA-256 of nothing");
        }
        if (size1 == size2 && !MessageDigest.isEqual(root1, root2)) {
            throw new InvalidProofException("trees of equal size " + size1 + " have different root hashes");
        }
    }
}

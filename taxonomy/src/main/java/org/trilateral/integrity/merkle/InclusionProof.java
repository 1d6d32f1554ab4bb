package org.trilateral.integrity.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * An audit path showing that the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves
 * (RFC 9162 §2.1.3). Immutable; the path elements are copied in and out.
 */
public final class InclusionProof {

    private final long leafIndex;
    private final long treeSize;
    private final List<byte[]> path;

    /**
     * @param path the sibling hashes from the leaf upwards; {@code null} is read as empty
     * @throws InvalidProofException if the index is not inside the tree or an element is not a 32-byte hash
     */
    public InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new InvalidProofException(
                    "leaf index " + leafIndex + " is not inside a tree of size " + treeSize);
        }
        this.leafIndex = leafIndex;
        this.treeSize = treeSize;
        this.path = ProofPath.copyOf(path);
    }

    public long leafIndex() {
        return leafIndex;
    }

    public long treeSize() {
        return treeSize;
    }

    /** The audit path, as copies. */
    public List<byte[]> path() {
        return ProofPath.copies(path);
    }

    /**
     * Checks that this path leads from {@code leafHash} to {@code expectedRoot}.
     *
     * @throws InvalidProofException if the path has the wrong length or the computed root differs
     */
    public void verify(byte[] leafHash, byte[] expectedRoot) {
        MerkleHash.requireHash(expectedRoot, "expected root hash");
        byte[] root = rootFrom(leafHash);
        if (!MessageDigest.isEqual(root, expectedRoot)) {
            throw new InvalidProofException("inclusion proof for leaf " + leafIndex + " in tree of size "
                    + treeSize + " leads to a different root hash");
        }
    }

    /**
     * The root that this path computes from {@code leafHash}: RFC 9162 §2.1.3.2, steps 1 to 5.
     *
     * @throws InvalidProofException if the path is longer or shorter than the tree shape allows
     */
    public byte[] rootFrom(byte[] leafHash) {
        byte[] r = MerkleHash.requireHash(leafHash, "leaf hash").clone();
        long fn = leafIndex;
        long sn = treeSize - 1;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new InvalidProofException("inclusion proof has " + path.size()
                        + " elements, more than a tree of size " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("inclusion proof has " + path.size()
                    + " elements, fewer than a tree of size " + treeSize + " needs");
        }
        return r;
    }
}

package org.trilateral.integrity.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: leaves and interior nodes get different one-byte prefixes so that a
 * leaf can never be passed off as a node (second-preimage protection).
 */
public final class MerkleHash {

    /** Length in bytes of every hash in the tree. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** {@code SHA-256(0x00 || data)}: the hash of a leaf holding {@code data}. */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node. */
    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left, "left child hash");
        requireHash(right, "right child hash");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** {@code SHA-256()}: the root of the empty tree (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** Refuses anything that is not a 32-byte hash, naming what it was meant to be. */
    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new InvalidProofException(what + " is missing");
        }
        if (hash.length != SIZE) {
            throw new InvalidProofException(what + " is " + hash.length + " bytes, not " + SIZE);
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

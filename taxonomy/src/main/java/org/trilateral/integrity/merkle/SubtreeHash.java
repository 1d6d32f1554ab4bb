package org.trilateral.integrity.merkle;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of one perfect subtree: {@code 2^level} leaves starting at leaf {@code index * 2^level}. Produced by
 * {@link CompactRange#append} for the caller to persist and serve through {@link SubtreeHashes}.
 */
public record SubtreeHash(int level, long index, byte[] hash) {

    /** @throws IllegalArgumentException if the coordinates are outside a tree of at most 2^63 leaves */
    public SubtreeHash {
        if (level < 0 || level > 62 || index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("no perfect subtree at level " + level + ", index " + index);
        }
        hash = MerkleHash.requireHash(hash, "subtree hash").clone();
    }

    /** A copy of the hash. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubtreeHash that
                && level == that.level && index == that.index && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "SubtreeHash[level=" + level + ", index=" + index + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}

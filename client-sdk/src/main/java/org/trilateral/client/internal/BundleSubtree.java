package org.trilateral.client.internal;

import java.util.List;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.SubtreeHashes;
import org.trilateral.integrity.tiles.TilePath;

/**
 * The hashes of one full entry bundle's subtree (256 leaves, tlog-tiles), computed from the entries themselves, in
 * front of the log's tiles for every other subtree. An inclusion proof of the bundle's first leaf drawn from it takes
 * its eight lowest siblings from the entries and the rest from the tiles, so folding it to the checkpoint's root
 * proves every entry of the bundle at once, without the bundle's level-0 tile.
 */
final class BundleSubtree implements SubtreeHashes {

    private static final int HEIGHT = 8;

    private final long first;
    /** Node hashes by height: {@code nodes[h][n]} covers leaves {@code first + n * 2^h} to the next. */
    private final byte[][][] nodes = new byte[HEIGHT][][];
    private final SubtreeHashes rest;

    /**
     * @param first the bundle's first leaf index, a multiple of 256
     * @param entries the bundle's 256 entries, none withheld
     * @param rest the log's other subtree hashes
     */
    BundleSubtree(long first, List<byte[]> entries, SubtreeHashes rest) {
        if (entries.size() != TilePath.FULL_WIDTH || first % TilePath.FULL_WIDTH != 0) {
            throw new IllegalArgumentException("a full bundle has 256 entries from a multiple of 256");
        }
        this.first = first;
        this.rest = rest;
        nodes[0] = new byte[TilePath.FULL_WIDTH][];
        for (int i = 0; i < TilePath.FULL_WIDTH; i++) {
            nodes[0][i] = MerkleHash.leaf(entries.get(i));
        }
        for (int h = 1; h < HEIGHT; h++) {
            byte[][] below = nodes[h - 1];
            nodes[h] = new byte[below.length / 2][];
            for (int n = 0; n < nodes[h].length; n++) {
                nodes[h][n] = MerkleHash.node(below[2 * n], below[2 * n + 1]);
            }
        }
    }

    /** The hash of the bundle's first leaf, computed from its entry. */
    byte[] firstLeafHash() {
        return nodes[0][0].clone();
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level < HEIGHT) {
            long start = index << level;
            if (start >= first && start < first + TilePath.FULL_WIDTH) {
                return nodes[level][(int) ((start - first) >> level)].clone();
            }
        }
        return rest.hash(level, index);
    }
}

package org.trilateral.integrity.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.SubtreeHashes;

/**
 * The Merkle tree of a log of a given size, read from its tiles (C2SP tlog-tiles): answers the hash of any perfect
 * subtree, so {@code MerkleProofs} computes roots and proofs locally. Each tile is fetched once and its internal
 * nodes are computed once (kept in a bounded cache, least recently used out), so proofs for consecutive leaves cost
 * a few lookups each. Thread-safe: lookups are serialised (a tile is fetched under the lock, so once per tree), which
 * lets the threads that check a batch's inclusion share one cache.
 */
public final class TiledTree implements SubtreeHashes {

    private static final int TILE_HEIGHT = 8;

    private final long treeSize;
    private final TileSource source;
    private final Map<TilePath, byte[][]> nodes;

    /**
     * @param treeSize the size of the tree (a verified checkpoint's), which decides which tiles are partial
     * @param source where tiles come from
     * @param cachedTiles how many tiles' nodes to keep
     */
    public TiledTree(long treeSize, TileSource source, int cachedTiles) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        this.treeSize = treeSize;
        this.source = source;
        this.nodes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TilePath, byte[][]> eldest) {
                return size() > cachedTiles;
            }
        };
    }

    public long treeSize() {
        return treeSize;
    }

    /** The hash of the leaf at {@code index}, from its level-0 tile. */
    public byte[] leafHash(long index) {
        return hash(0, index);
    }

    @Override
    public synchronized byte[] hash(int level, long index) {
        int tileLevel = level / TILE_HEIGHT;
        int height = level % TILE_HEIGHT;
        long first = index << height;
        TilePath path = TilePath.covering(tileLevel, first + (1L << height) - 1, treeSize);
        byte[][] tileNodes = nodes.computeIfAbsent(path, this::load);
        int offset = (int) (first - path.index() * TilePath.FULL_WIDTH);
        return tileNodes[nodeIndex(height, offset >> height)].clone();
    }

    /** Position of the node of {@code height} and number {@code n} within a tile's node array. */
    private static int nodeIndex(int height, int n) {
        int base = 0;
        for (int h = 0; h < height; h++) {
            base += TilePath.FULL_WIDTH >> h;
        }
        return base + n;
    }

    /** The tile's hashes and every perfect subtree above them inside the tile, height by height. */
    private byte[][] load(TilePath path) {
        byte[] bytes = source.tile(path);
        if (bytes == null || bytes.length != path.width() * MerkleHash.SIZE) {
            throw new IllegalStateException("the tile " + path.path() + " is " + (bytes == null ? 0 : bytes.length)
                    + " bytes, not " + path.width() * MerkleHash.SIZE);
        }
        byte[][] all = new byte[2 * TilePath.FULL_WIDTH - 1][];
        for (int i = 0; i < path.width(); i++) {
            all[i] = Arrays.copyOfRange(bytes, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE);
        }
        int count = path.width();
        for (int height = 1; height <= TILE_HEIGHT; height++) {
            count /= 2;
            int below = nodeIndex(height - 1, 0);
            int here = nodeIndex(height, 0);
            for (int n = 0; n < count; n++) {
                all[here + n] = MerkleHash.node(all[below + 2 * n], all[below + 2 * n + 1]);
            }
        }
        return all;
    }
}

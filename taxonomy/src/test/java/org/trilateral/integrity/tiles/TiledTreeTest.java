package org.trilateral.integrity.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trilateral.integrity.merkle.CompactRange;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHash;
import org.trilateral.integrity.merkle.SubtreeHashes;

class TiledTreeTest {

    private static final int SIZE = 70_000;
    private static final Map<String, byte[]> SUBTREES = new HashMap<>();
    private static final SubtreeHashes DIRECT = (level, index) -> SUBTREES.get(level + "/" + index);

    @BeforeAll
    static void build() {
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < SIZE; i++) {
            for (SubtreeHash subtree : range.append(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()))) {
                SUBTREES.put(subtree.level() + "/" + subtree.index(), subtree.hash());
            }
        }
    }

    /** Tiles as a log serves them: hash i of tile (L, n) is the subtree of level 8L and index 256n + i. */
    private static TileSource tiles(AtomicInteger fetches) {
        return path -> {
            fetches.incrementAndGet();
            ByteBuffer tile = ByteBuffer.allocate(path.width() * 32);
            for (int i = 0; i < path.width(); i++) {
                tile.put(DIRECT.hash(8 * path.level(), path.index() * 256 + i));
            }
            return tile.array();
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 255, 256, 257, 511, 65_535, 65_536, 65_537, 69_999, 70_000})
    void rootWhenReadFromTilesThenEqualsTheTree(long size) {
        TiledTree tree = new TiledTree(size, tiles(new AtomicInteger()), 64);

        assertThat(MerkleProofs.root(size, tree)).isEqualTo(MerkleProofs.root(size, DIRECT));
    }

    @Test
    void inclusionWhenReadFromTilesThenSameProofAndItVerifies() {
        TiledTree tree = new TiledTree(SIZE, tiles(new AtomicInteger()), 64);
        byte[] root = MerkleProofs.root(SIZE, DIRECT);

        for (long index : new long[] {0, 1, 255, 256, 12_345, 65_535, 65_536, 69_998, 69_999}) {
            var fromTiles = MerkleProofs.inclusion(index, SIZE, tree);
            assertThat(fromTiles.path()).containsExactlyElementsOf(MerkleProofs.inclusion(index, SIZE, DIRECT).path());
            fromTiles.verify(tree.leafHash(index), root);
        }
    }

    @Test
    void consistencyWhenReadFromTilesThenSameProof() {
        TiledTree tree = new TiledTree(SIZE, tiles(new AtomicInteger()), 64);

        assertThat(MerkleProofs.consistency(1_000, SIZE, tree).path())
                .containsExactlyElementsOf(MerkleProofs.consistency(1_000, SIZE, DIRECT).path());
    }

    @Test
    void inclusionWhenConsecutiveLeavesThenEachTileFetchedOnce() {
        AtomicInteger fetches = new AtomicInteger();
        TiledTree tree = new TiledTree(SIZE, tiles(fetches), 16);

        for (long index = 0; index < SIZE; index++) {
            MerkleProofs.inclusion(index, SIZE, tree);
        }

        // 274 level-0 tiles, 2 level-1 tiles, 1 level-2 tile: each at most a few times despite a cache of 16
        assertThat(fetches.get()).isLessThan(400);
    }

    @Test
    void pathWhenSpecExamplesThenSameText() {
        assertThat(new TilePath(0, 1_234_067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TilePath(TilePath.ENTRIES, 5, 17).path()).isEqualTo("tile/entries/005.p/17");
        assertThat(TilePath.parse("tile/2/x001/x234/067.p/8")).isEqualTo(new TilePath(2, 1_234_067, 8));
        assertThat(TilePath.parse("tile/entries/000")).isEqualTo(new TilePath(TilePath.ENTRIES, 0, 256));
    }

    @Test
    void coveringWhenSpecTreeOf70000ThenPartialWidths() {
        // tlog-tiles: a tree of 70,000 has 273 full level-0 tiles and a partial one of width 112, one full level-1
        // tile and a partial of width 17, and a partial level-2 tile of width 1.
        assertThat(TilePath.covering(0, 69_999, SIZE)).isEqualTo(new TilePath(0, 273, 112));
        assertThat(TilePath.covering(0, 272 * 256, SIZE).full()).isTrue();
        assertThat(TilePath.covering(1, 272, SIZE)).isEqualTo(new TilePath(1, 1, 17));
        assertThat(TilePath.covering(2, 0, SIZE)).isEqualTo(new TilePath(2, 0, 1));
    }

    @Test
    void parseWhenMalformedThenRefused() {
        assertThatThrownBy(() -> TilePath.parse("tile/0/1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TilePath.parse("tile/00/000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TilePath.parse("tile/0/x000/001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TilePath.parse("tile/0/000.p/256")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.trilateral.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void appendWhenLeavesAddedThenRootMatchesReferenceAtEverySize() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(64);
        CompactRange range = CompactRange.empty();
        assertThat(range.root()).isEqualTo(MerkleHash.emptyRoot());

        for (int i = 0; i < 64; i++) {
            range.append(tree.leafHash(i));

            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).as("size %d", i + 1).isEqualTo(tree.mth(0, i + 1));
        }
    }

    @Test
    void appendWhenSubtreesCompleteThenReportsEachPerfectSubtreeSmallestFirst() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(4);
        CompactRange range = CompactRange.empty();
        range.append(tree.leafHash(0));
        range.append(tree.leafHash(1));
        range.append(tree.leafHash(2));

        List<SubtreeHash> completed = range.append(tree.leafHash(3));

        assertThat(completed).containsExactly(
                new SubtreeHash(0, 3, tree.leafHash(3)),
                new SubtreeHash(1, 1, tree.mth(2, 4)),
                new SubtreeHash(2, 0, tree.mth(0, 4)));
    }

    @Test
    void appendWhenReportedHashesPersistedThenProofsServedFromThem() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(37);
        Map<String, byte[]> store = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 37; i++) {
            range.append(tree.leafHash(i)).forEach(s -> store.put(s.level() + "/" + s.index(), s.hash()));
        }
        SubtreeHashes persisted = (level, index) -> store.get(level + "/" + index);

        assertThat(MerkleProofs.root(37, persisted)).isEqualTo(range.root());
        MerkleProofs.inclusion(20, 37, persisted).verify(tree.leafHash(20), range.root());
        MerkleProofs.consistency(13, 37, persisted).verify(tree.mth(0, 13), range.root());
    }

    @Test
    void restoreWhenPersistedTreeThenContinuesAppendingToSameRoots() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(30);

        CompactRange range = CompactRange.restore(21, tree.subtreeHashes());
        for (int i = 21; i < 30; i++) {
            range.append(tree.leafHash(i));
        }

        assertThat(range.size()).isEqualTo(30);
        assertThat(range.root()).isEqualTo(tree.mth(0, 30));
    }

    @Test
    void copyWhenEitherAppendedThenTheOtherIsUnchanged() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(12);
        CompactRange range = CompactRange.restore(7, tree.subtreeHashes());

        CompactRange copy = range.copy();
        copy.append(tree.leafHash(7));
        copy.append(tree.leafHash(8));

        assertThat(range.size()).isEqualTo(7);
        assertThat(range.root()).isEqualTo(tree.mth(0, 7));
        assertThat(copy.root()).isEqualTo(tree.mth(0, 9));
        range.append(tree.leafHash(7));
        assertThat(range.root()).isEqualTo(tree.mth(0, 8));
        assertThat(copy.size()).isEqualTo(9);
    }
}

package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.merkle.CompactRange;
import org.trilateral.integrity.merkle.InclusionProof;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHash;
import reactor.core.publisher.Mono;

class SubtreeReadsTest {

    /** The subtree hashes a log of {@code size} leaves persists, as the database would hold them. */
    private static Map<SubtreeReads.Position, byte[]> persisted(int size, CompactRange range) {
        Map<SubtreeReads.Position, byte[]> stored = new HashMap<>();
        for (int i = 0; i < size; i++) {
            for (SubtreeHash subtree : range.append(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()))) {
                stored.put(new SubtreeReads.Position(subtree.level(), subtree.index()), subtree.hash());
            }
        }
        return stored;
    }

    @Test
    void computeWhenProofThenOneReadOfLogarithmicallyManySubtreesAndSameProofAsDirect() {
        CompactRange range = CompactRange.empty();
        Map<SubtreeReads.Position, byte[]> stored = persisted(1000, range);
        List<Integer> readSizes = new ArrayList<>();

        InclusionProof proof = SubtreeReads.compute(hashes -> MerkleProofs.inclusion(617, 1000, hashes), wanted -> {
            readSizes.add(wanted.size());
            Map<SubtreeReads.Position, byte[]> found = new HashMap<>();
            wanted.forEach(p -> found.put(p, stored.get(p)));
            return Mono.just(found);
        }).block();

        assertThat(readSizes).hasSize(1);
        assertThat(readSizes.get(0)).isLessThanOrEqualTo(2 * 10);
        proof.verify(stored.get(new SubtreeReads.Position(0, 617)), range.root());
    }

    @Test
    void computeWhenRestoringRangeThenSameRootAsTheAppendedOne() {
        CompactRange range = CompactRange.empty();
        Map<SubtreeReads.Position, byte[]> stored = persisted(777, range);

        CompactRange restored = SubtreeReads.compute(hashes -> CompactRange.restore(777, hashes),
                wanted -> Mono.just(stored)).block();

        assertThat(restored.root()).isEqualTo(range.root());
    }

    @Test
    void computeWhenNothingToReadThenNoRead() {
        byte[] root = SubtreeReads.compute(hashes -> MerkleProofs.root(0, hashes),
                wanted -> Mono.error(new AssertionError("read " + wanted))).block();

        assertThat(root).isEqualTo(MerkleHash.emptyRoot());
    }

    @Test
    void computeWhenStoredSubtreeMissingThenIllegalStateNamingIt() {
        assertThatThrownBy(() -> SubtreeReads.compute(hashes -> MerkleProofs.root(3, hashes),
                wanted -> Mono.just(Map.<SubtreeReads.Position, byte[]>of())).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log_subtree has no hash at level 1, index 0");
    }
}

package org.trilateral.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerkleProofsTest {

    private static final int MAX_SIZE = 64;

    @Test
    void rootWhenEverySizeUpTo64ThenEqualsReferenceTree() {
        for (int n = 0; n <= MAX_SIZE; n++) {
            NaiveMerkleTree tree = NaiveMerkleTree.ofSize(n);

            assertThat(MerkleProofs.root(n, tree.subtreeHashes())).as("size %d", n).isEqualTo(tree.mth(0, n));
        }
    }

    @Test
    void inclusionWhenEveryIndexAndSizeUpTo64ThenReferencePathThatVerifies() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            NaiveMerkleTree tree = NaiveMerkleTree.ofSize(n);
            byte[] root = tree.mth(0, n);
            for (int m = 0; m < n; m++) {
                NaiveMerkleTree.CountingSubtreeHashes hashes = tree.subtreeHashes();

                InclusionProof proof = MerkleProofs.inclusion(m, n, hashes);

                assertThat(proof.path()).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(tree.path(m, 0, n));
                proof.verify(tree.leafHash(m), root);
                assertThat(hashes.reads).as("reads for PATH(%d, D[%d])", m, n).isLessThanOrEqualTo(2 * 7);
            }
        }
    }

    @Test
    void consistencyWhenEverySizePairUpTo64ThenReferenceProofThatVerifies() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(MAX_SIZE);
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m <= n; m++) {
                NaiveMerkleTree.CountingSubtreeHashes hashes = tree.subtreeHashes();

                ConsistencyProof proof = MerkleProofs.consistency(m, n, hashes);

                if (m > 0 && m < n) {
                    assertThat(proof.path()).as("PROOF(%d, D[%d])", m, n)
                            .containsExactlyElementsOf(tree.subproof(m, 0, n, true));
                } else {
                    assertThat(proof.path()).isEmpty();
                }
                proof.verify(tree.mth(0, m), tree.mth(0, n));
                assertThat(hashes.reads).as("reads for PROOF(%d, D[%d])", m, n).isLessThanOrEqualTo(3 * 7);
            }
        }
    }

    @Test
    void consistencyWhenProofFromOtherSizesThenRefused() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(12);
        ConsistencyProof proof = MerkleProofs.consistency(5, 12, tree.subtreeHashes());

        assertThatThrownBy(() -> new ConsistencyProof(6, 12, proof.path()).verify(tree.mth(0, 6), tree.mth(0, 12)))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void inclusionWhenLeafOutsideTreeThenRefused() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(4);

        assertThatThrownBy(() -> MerkleProofs.inclusion(4, 4, tree.subtreeHashes()))
                .isInstanceOf(InvalidProofException.class)
                .hasMessage("leaf index 4 is not inside a tree of size 4");
    }

    @Test
    void consistencyWhenTreeShrinksThenRefused() {
        NaiveMerkleTree tree = NaiveMerkleTree.ofSize(4);

        assertThatThrownBy(() -> MerkleProofs.consistency(4, 3, tree.subtreeHashes()))
                .isInstanceOf(InvalidProofException.class)
                .hasMessage("tree size 3 cannot extend tree size 4");
    }

    @Test
    void largestPowerOfTwoBelowWhenSizesThenRfc9162K() {
        assertThat(MerkleProofs.largestPowerOfTwoBelow(2)).isEqualTo(1);
        assertThat(MerkleProofs.largestPowerOfTwoBelow(8)).isEqualTo(4);
        assertThat(MerkleProofs.largestPowerOfTwoBelow(9)).isEqualTo(8);
    }
}

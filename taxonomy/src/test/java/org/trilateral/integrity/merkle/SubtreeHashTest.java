package org.trilateral.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubtreeHashTest {

    @Test
    void constructWhenHashMutatedAfterwardsThenValueUnchanged() {
        byte[] hash = new byte[32];
        SubtreeHash subtree = new SubtreeHash(3, 5, hash);

        hash[0] = 1;

        assertThat(subtree).isEqualTo(new SubtreeHash(3, 5, new byte[32]));
        assertThat(subtree.hash()[0]).isZero();
    }

    @Test
    void constructWhenIndexBeyondTreeThenRefused() {
        assertThatThrownBy(() -> new SubtreeHash(62, 2, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no perfect subtree at level 62, index 2");
    }

    @Test
    void constructWhenHashWrongLengthThenRefused() {
        assertThatThrownBy(() -> new SubtreeHash(0, 0, new byte[16]))
                .isInstanceOf(InvalidProofException.class)
                .hasMessage("subtree hash is 16 bytes, not 32");
    }
}

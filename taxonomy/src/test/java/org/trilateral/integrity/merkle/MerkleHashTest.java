package org.trilateral.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MerkleHashTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void emptyRootWhenNoLeavesThenSha256OfNothing() {
        assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leafWhenEmptyDataThenSha256OfZeroByte() {
        // RFC 9162 §2.1.1: MTH of one empty leaf is SHA-256(0x00), the same value as transparency-dev's vectors.
        assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void nodeWhenSameChildrenAsLeafThenDifferentHash() {
        byte[] a = MerkleHash.leaf(new byte[] {1});
        byte[] b = MerkleHash.leaf(new byte[] {2});
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);

        assertThat(MerkleHash.node(a, b)).isNotEqualTo(MerkleHash.leaf(concatenated));
    }

    @Test
    void nodeWhenChildNot32BytesThenRefusedNamingIt() {
        assertThatThrownBy(() -> MerkleHash.node(new byte[31], new byte[32]))
                .isInstanceOf(InvalidProofException.class)
                .hasMessage("left child hash is 31 bytes, not 32");
    }
}

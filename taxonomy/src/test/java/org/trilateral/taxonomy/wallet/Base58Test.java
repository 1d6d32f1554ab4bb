package org.trilateral.taxonomy.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Base58Test {

    @Test
    void encodeWhenLeadingZeroBytesThenLeadingOnes() {
        assertThat(Base58.encode(new byte[32])).isEqualTo("1".repeat(32));
        assertThat(Base58.decode("1".repeat(32))).hasSize(32).containsOnly(0);
    }

    @Test
    void decodeWhenEncodedThenRoundTrips() {
        byte[] bytes = HexFormat.of().parseHex("0000a614f803b6fd780986a42c78ec9c7f77e6ded13c");
        assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
    }

    @Test
    void decodeCheckedWhenGenesisAddressThenVersionZeroPayload() {
        byte[] payload = Base58.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(payload).hasSize(21);
        assertThat(HexFormat.of().formatHex(payload)).isEqualTo("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");
    }

    @Test
    void decodeWhenZeroCharacterThenRefusedNamingPosition() {
        assertThatThrownBy(() -> Base58.decode("10"))
                .isInstanceOf(InvalidWalletAddressException.class).hasMessageContaining("position 1");
    }
}

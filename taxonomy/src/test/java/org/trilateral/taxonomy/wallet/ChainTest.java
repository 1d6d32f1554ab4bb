package org.trilateral.taxonomy.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChainTest {

    @Test
    void ofWhenAliasThenCaip2Chain() {
        assertThat(Chain.of("bitcoin").caip2()).isEqualTo("bip122:000000000019d6689c085ae165831e93");
        assertThat(Chain.of("Ethereum")).isEqualTo(Chain.ETHEREUM);
        assertThat(Chain.of("tron").caip2()).isEqualTo("tron:mainnet");
        assertThat(Chain.of("solana").caip2()).isEqualTo("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp");
    }

    @Test
    void ofWhenCaip2OfKnownChainThenSameChain() {
        assertThat(Chain.of("bip122:000000000933ea01ad0ee984209779ba")).isEqualTo(Chain.BITCOIN_TESTNET);
        assertThat(Chain.of("eip155:56")).isEqualTo(new Chain("eip155:56", ChainFamily.EVM));
    }

    @Test
    void ofWhenUnknownThenRefusedNamingChain() {
        assertThatThrownBy(() -> Chain.of("cosmos:cosmoshub-4"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.UNKNOWN_CHAIN))
                .hasMessageContaining("cosmos:cosmoshub-4");
        assertThatThrownBy(() -> Chain.of("eip155:01")).isInstanceOf(InvalidWalletAddressException.class);
    }

    @Test
    void constructorWhenFamilyDoesNotMatchChainThenRefused() {
        assertThatThrownBy(() -> new Chain("tron:mainnet", ChainFamily.EVM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRON");
        assertThatThrownBy(() -> new Chain("bip122:000000000000000000000000000000ff", ChainFamily.BITCOIN))
                .isInstanceOf(InvalidWalletAddressException.class).hasMessageContaining("unknown chain");
    }
}

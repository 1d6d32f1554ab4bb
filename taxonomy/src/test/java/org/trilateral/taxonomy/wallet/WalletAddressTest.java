package org.trilateral.taxonomy.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trilateral.taxonomy.wallet.InvalidWalletAddressException.Reason;

class WalletAddressTest {

    @Test
    void parseWhenBitcoinP2pkhThenUnchanged() {
        assertThat(WalletAddress.parse("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").address())
                .isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    @Test
    void parseWhenBitcoinP2pkhChecksumBadThenRefused() {
        assertThatThrownBy(() -> WalletAddress.parse("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM))
                .hasMessageContaining("checksum");
    }

    @Test
    void parseWhenTestnetP2pkhOnMainnetThenUnknownPrefix() {
        byte[] payload = new byte[21];
        payload[0] = 0x6f;
        String testnet = Base58.encodeChecked(payload);
        assertThat(WalletAddress.parse(Chain.BITCOIN_TESTNET, testnet).address()).isEqualTo(testnet);
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN, testnet))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PREFIX))
                .hasMessageContaining("0x6f");
    }

    @Test
    void parseWhenP2shMainnetThenAccepted() {
        byte[] payload = new byte[21];
        payload[0] = 0x05;
        String p2sh = Base58.encodeChecked(payload);
        assertThat(p2sh).startsWith("3");
        assertThat(WalletAddress.parse(Chain.BITCOIN, p2sh).address()).isEqualTo(p2sh);
    }

    @Test
    void parseWhenSegwitUpperCaseThenLowerCaseCanonical() {
        assertThat(WalletAddress.parse("bitcoin", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4").address())
                .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    }

    @Test
    void parseWhenSegwitOfOtherNetworkThenUnknownPrefix() {
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN_TESTNET, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PREFIX));
    }

    @Test
    void parseWhenEvmLowerCaseThenEip55Canonical() {
        assertThat(WalletAddress.parse("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").address())
                .isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void parseWhenEvmMixedCaseChecksumBadThenRefusedWithCanonicalForm() {
        assertThatThrownBy(() -> WalletAddress.parse("ethereum", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM))
                .hasMessageContaining("EIP-55")
                .hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedAA"})
    void parseWhenEvmWrongLengthThenRefused(String address) {
        assertThatThrownBy(() -> WalletAddress.parse("eip155:137", address))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
    }

    @Test
    void parseWhenEvmWithoutPrefixThenRefused() {
        assertThatThrownBy(() -> WalletAddress.parse("ethereum", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PREFIX));
    }

    @Test
    void parseWhenTronBase58ThenUnchanged() {
        assertThat(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").address())
                .isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Test
    void parseWhenTronHexThenConvertedToBase58() {
        String hex = "41" + HexFormat.of().formatHex(java.util.Arrays.copyOfRange(Base58.decodeChecked("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"), 1, 21));
        assertThat(hex).isEqualTo("41a614f803b6fd780986a42c78ec9c7f77e6ded13c");
        assertThat(WalletAddress.parse("tron", hex.toUpperCase(Locale.ROOT)).address()).isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Test
    void parseWhenTronVersionByteNot41ThenUnknownPrefix() {
        assertThatThrownBy(() -> WalletAddress.parse("tron", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PREFIX))
                .hasMessageContaining("0x41");
    }

    @Test
    void parseWhenSolanaThirtyTwoBytesThenAccepted() {
        assertThat(WalletAddress.parse("solana", "So11111111111111111111111111111111111111112").address())
                .isEqualTo("So11111111111111111111111111111111111111112");
    }

    @Test
    void parseWhenSolanaWrongLengthThenRefused() {
        assertThatThrownBy(() -> WalletAddress.parse("solana", "So1111111111"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH))
                .hasMessageContaining("not 32");
    }

    @Test
    void parseWhenSolanaHasCharacterOutsideAlphabetThenRefused() {
        assertThatThrownBy(() -> WalletAddress.parse("solana", "So1111111111111111111111111111111111111111O"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CHARACTER));
    }

    @Test
    void constructorWhenNotCanonicalThenRefusedNamingCanonicalForm() {
        assertThatThrownBy(() -> new WalletAddress(Chain.ETHEREUM, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CANONICAL))
                .hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void parseWhenSurroundedByWhitespaceThenStripped() {
        assertThat(WalletAddress.parse("bitcoin", "  1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n").address())
                .isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    @Test
    void stixIdWhenSameWalletWrittenDifferentlyThenSameId() {
        WalletAddress lower = WalletAddress.parse("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        WalletAddress checksummed = WalletAddress.parse("eip155:1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(lower.stixId()).isEqualTo(checksummed.stixId());
        assertThat(lower.stixId()).hasToString("cryptocurrency-wallet--0ce946cf-709f-52f8-877c-cfdcdb1aa1a0");
    }

    @Test
    void stixIdWhenSameAddressOnOtherEvmChainThenDifferentId() {
        WalletAddress mainnet = WalletAddress.parse("eip155:1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        WalletAddress polygon = WalletAddress.parse("eip155:137", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(mainnet.stixId()).isNotEqualTo(polygon.stixId());
    }
}

package org.trilateral.taxonomy.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;

/** Replays the published vectors in shared/test-vectors/wallets (BIP-350 segwit, EIP-55). */
class PublishedWalletVectorsTest {

    private static JsonNode read(String name) {
        Path file = SharedFixtures.shared("test-vectors/wallets/" + name);
        return StixJson.mapper().readTree(file.toFile());
    }

    private static Chain chainOf(String address) {
        return address.toLowerCase(Locale.ROOT).startsWith("tb1") ? Chain.BITCOIN_TESTNET : Chain.BITCOIN;
    }

    @Test
    void segwitValidVectorsWhenParsedThenCanonicalLowerCaseAndScriptPubKeyMatches() {
        JsonNode valid = read("segwit-addresses.json").get("valid");
        assertThat(valid.size()).isPositive();
        for (JsonNode vector : valid) {
            String address = vector.get("address").stringValue();
            WalletAddress parsed = WalletAddress.parse(chainOf(address), address);
            assertThat(parsed.address()).as(address).isEqualTo(address.toLowerCase(Locale.ROOT));
            Bech32.SegwitAddress segwit = Bech32.decodeSegwit(address, address.substring(0, 2).toLowerCase(Locale.ROOT));
            int opcode = segwit.version() == 0 ? 0 : 0x50 + segwit.version();
            String script = String.format("%02x%02x", opcode, segwit.program().length) + HexFormat.of().formatHex(segwit.program());
            assertThat(script).as(address).isEqualTo(vector.get("scriptPubKey").stringValue());
        }
    }

    @Test
    void segwitInvalidVectorsWhenParsedThenRefusedOnBothNetworks() {
        JsonNode invalid = read("segwit-addresses.json").get("invalid");
        assertThat(invalid.size()).isPositive();
        for (JsonNode vector : invalid) {
            String address = vector.get("address").stringValue();
            for (Chain chain : Stream.of(Chain.BITCOIN, Chain.BITCOIN_TESTNET).toList()) {
                assertThatThrownBy(() -> WalletAddress.parse(chain, address))
                        .as(address + " (" + vector.get("reason").stringValue() + ")")
                        .isInstanceOf(InvalidWalletAddressException.class);
            }
        }
    }

    @Test
    void segwitInvalidVectorsWhenReasonKnownThenRefusalNamesIt() {
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN_TESTNET, "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.MIXED_CASE));
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.BAD_CHECKSUM))
                .hasMessageContaining("bech32m");
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN, "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.WRONG_LENGTH));
        assertThatThrownBy(() -> WalletAddress.parse(Chain.BITCOIN, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf"))
                .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.INVALID_PADDING));
    }

    @Test
    void eip55VectorsWhenParsedThenEachIsItsOwnCanonicalForm() {
        JsonNode checksummed = read("eip55.json").get("checksummed");
        assertThat(checksummed.size()).isPositive();
        for (JsonNode vector : checksummed) {
            String address = vector.stringValue();
            assertThat(WalletAddress.parse(Chain.ETHEREUM, address).address()).isEqualTo(address);
            assertThat(WalletAddress.parse(Chain.ETHEREUM, address.toLowerCase(Locale.ROOT)).address()).isEqualTo(address);
        }
    }

    @Test
    void eip55VectorsWhenOneLetterCaseFlippedThenChecksumRefused() {
        for (JsonNode vector : read("eip55.json").get("checksummed")) {
            String address = vector.stringValue();
            int letter = firstLetter(address);
            char c = address.charAt(letter);
            String flipped = address.substring(0, letter)
                    + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                    + address.substring(letter + 1);
            boolean stillSingleCase = flipped.substring(2).equals(flipped.substring(2).toLowerCase(Locale.ROOT))
                    || flipped.substring(2).equals(flipped.substring(2).toUpperCase(Locale.ROOT));
            if (!stillSingleCase) {
                assertThatThrownBy(() -> WalletAddress.parse(Chain.ETHEREUM, flipped))
                        .as(flipped)
                        .isInstanceOfSatisfying(InvalidWalletAddressException.class,
                                e -> assertThat(e.reason()).isEqualTo(InvalidWalletAddressException.Reason.BAD_CHECKSUM));
            }
        }
    }

    private static int firstLetter(String address) {
        for (int i = 2; i < address.length(); i++) {
            if (Character.isLetter(address.charAt(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no letter in " + address);
    }
}

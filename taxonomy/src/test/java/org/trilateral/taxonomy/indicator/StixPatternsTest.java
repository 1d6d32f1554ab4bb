package org.trilateral.taxonomy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.wallet.WalletAddress;

class StixPatternsTest {

    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void walletWhenEvmThenExactPattern() {
        assertThat(StixPatterns.wallet(WalletAddress.parse("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))).isEqualTo(
                "[cryptocurrency-wallet:chain = 'eip155:1' AND cryptocurrency-wallet:address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']");
    }

    @Test
    void walletWhenBitcoinThenCaip2Chain() {
        assertThat(StixPatterns.wallet(WalletAddress.parse("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))).isEqualTo(
                "[cryptocurrency-wallet:chain = 'bip122:000000000019d6689c085ae165831e93' AND cryptocurrency-wallet:address = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa']");
    }

    @Test
    void personaIdentifierWhenEmailThenExactPattern() {
        assertThat(StixPatterns.personaIdentifier(new PersonaDigest(PersonaKind.EMAIL, null, "v1-sha256", HEX))).isEqualTo(
                "[persona-identifier:kind = 'email' AND persona-identifier:scheme = 'v1-sha256' AND persona-identifier:digest = '" + HEX + "']");
    }

    @Test
    void personaIdentifierWhenUsernameThenPlatformComparisonLast() {
        assertThat(StixPatterns.personaIdentifier(new PersonaDigest(PersonaKind.USERNAME, "github", "v1-sha256", HEX))).isEqualTo(
                "[persona-identifier:kind = 'username' AND persona-identifier:scheme = 'v1-sha256' AND persona-identifier:digest = '"
                        + HEX + "' AND persona-identifier:platform = 'github']");
    }

    @Test
    void personaIdentifierWhenV2TokenThenEpochInDigestLiteral() {
        assertThat(StixPatterns.personaIdentifier(new PersonaDigest(PersonaKind.BANK_ACCOUNT, null, "v2-oprf-p256", "2:" + HEX))).isEqualTo(
                "[persona-identifier:kind = 'bank-account' AND persona-identifier:scheme = 'v2-oprf-p256' AND persona-identifier:digest = '2:"
                        + HEX + "']");
    }

    @Test
    void deviceIdentifierWhenRemoteIdThenTypeAndValueElseManufacturerLast() {
        assertThat(StixPatterns.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.TEAMVIEWER, "1 234 567 890"))).isEqualTo(
                "[device-identifier:id_type = 'teamviewer' AND device-identifier:value = '1234567890']");
        assertThat(StixPatterns.deviceIdentifier(DeviceIdentifier.serial("apple", "C02XL0GTJGH5"))).isEqualTo(
                "[device-identifier:id_type = 'serial' AND device-identifier:value = 'C02XL0GTJGH5' AND device-identifier:manufacturer = 'apple']");
    }

    @Test
    void networkWhenIpv4CidrOrIpv6ThenTypedPattern() {
        assertThat(StixPatterns.network(IpNetwork.parse("203.0.113.0/24"))).isEqualTo("[ipv4-addr:value = '203.0.113.0/24']");
        assertThat(StixPatterns.network(IpNetwork.parse("2001:db8::/48"))).isEqualTo("[ipv6-addr:value = '2001:db8::/48']");
    }

    @Test
    void literalWhenQuoteAndBackslashThenEscaped() {
        assertThat(StixPatterns.literal("O'Brien\\x")).isEqualTo("'O\\'Brien\\\\x'");
    }
}

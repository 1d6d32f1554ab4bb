package org.trilateral.taxonomy.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.UsernameIdentifiers;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.FacilitatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

class ExchangeObservablesTest {

    @Test
    void walletWhenEvmThenExactDocumentedShape() {
        ObjectNode wallet = ExchangeObservables.wallet(WalletAddress.parse("ethereum", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        assertThat(StixJson.mapper().writeValueAsString(wallet)).isEqualTo(
                "{\"type\":\"cryptocurrency-wallet\",\"spec_version\":\"2.1\","
                        + "\"id\":\"cryptocurrency-wallet--0ce946cf-709f-52f8-877c-cfdcdb1aa1a0\",\"chain\":\"eip155:1\","
                        + "\"address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\","
                        + "\"extensions\":{\"" + ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID + "\":{\"extension_type\":\"new-sco\"}}}");
    }

    @Test
    void walletWhenTokenContractThenWrittenCanonical() {
        ObjectNode wallet = ExchangeObservables.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
                WalletAddress.parse("tron", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"));
        assertThat(wallet.get("token_contract").stringValue()).isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    }

    @Test
    void walletWhenTokenOnOtherChainThenRefused() {
        assertThatThrownBy(() -> ExchangeObservables.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
                WalletAddress.parse("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eip155:1");
    }

    @Test
    void personaIdentifierWhenUsernameThenPlatformAndDeterministicId() {
        PersonaDigest digest = new V1Sha256().digest(UsernameIdentifiers.normalise("github", "devkim"));
        ObjectNode persona = ExchangeObservables.personaIdentifier(digest);
        assertThat(persona.get("platform").stringValue()).isEqualTo("github");
        assertThat(persona.get("kind").stringValue()).isEqualTo("username");
        assertThat(persona.get("id").stringValue()).isEqualTo(digest.stixId().toString());
        assertThat(new ExchangeExtensionValidator().validate(persona)).isEmpty();
    }

    @Test
    void addFacilitatorExtensionWhenMixedRefsThenSortedIntoProperties() {
        ObjectNode infrastructure = StixJson.mapper().createObjectNode().put("type", "infrastructure");
        ExchangeObservables.addFacilitatorExtension(infrastructure, FacilitatorKind.LAPTOP_FARM, List.of(
                "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
                "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
                "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"));
        ObjectNode entry = (ObjectNode) infrastructure.at("/extensions/" + ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID);
        assertThat(entry.get("facilitator_kind").stringValue()).isEqualTo("laptop-farm");
        assertThat(entry.get("network_refs").get(0).stringValue()).startsWith("ipv4-addr--");
        assertThat(entry.get("location_refs")).hasSize(1);
        assertThat(entry.get("organization_refs")).hasSize(1);
    }

    @Test
    void addFacilitatorExtensionWhenRefOfOtherTypeThenRefused() {
        ObjectNode infrastructure = StixJson.mapper().createObjectNode().put("type", "infrastructure");
        assertThatThrownBy(() -> ExchangeObservables.addFacilitatorExtension(infrastructure, FacilitatorKind.VPN_EXIT,
                List.of("malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malware");
    }
}

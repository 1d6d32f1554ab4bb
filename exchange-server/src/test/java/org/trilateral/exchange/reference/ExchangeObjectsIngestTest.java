package org.trilateral.exchange.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.extension.ExchangeObservables;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The exchange's own object kinds go through ingest: accepted when canonical, refused with the reason when not. */
class ExchangeObjectsIngestTest extends ExchangeIntegrationTest {

    private static final String MEMBER = TestStix.MEMBER_IDENTITY;

    @Test
    void publishWhenWalletPersonaAndNetworkIndicatorsFromBuildersThenAllAccepted() {
        WalletAddress wallet = WalletAddress.parse("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var digest = new V1Sha256().digest(EmailIdentifiers.normalise("recruit.dev@example.com"));
        List<ObjectNode> objects = List.of(
                ExchangeObservables.wallet(wallet),
                IndicatorBuilder.wallet(wallet).createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                ExchangeObservables.personaIdentifier(digest),
                IndicatorBuilder.personaIdentifier(digest).createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.network(IpNetwork.parse("198.51.100.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                        .createdByRef(MEMBER).marking(Tlp.GREEN).build());

        JsonNode status = new Taxii(client()).publish(Taxii.INDICATORS, TestStix.envelope(objects));

        assertThat(status.get("failures")).isEmpty();
        assertThat(status.get("success_count").asInt()).isEqualTo(objects.size());
    }

    @Test
    void publishWhenWalletAddressNotCanonicalThenRefusedNamingTheCanonicalForm() {
        ObjectNode wallet = ExchangeObservables.wallet(
                WalletAddress.parse("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        wallet.put("address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        JsonNode status = new Taxii(client()).publish(Taxii.INDICATORS, TestStix.envelope(wallet));

        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("failures").get(0).get("message").asString())
                .contains("address").contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void publishWhenPatternDoesNotParseThenRefusedWithPosition() {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("pattern", "[ipv4-addr:value = '203.0.113.7'");

        JsonNode status = new Taxii(client()).publish(Taxii.INDICATORS, TestStix.envelope(indicator));

        assertThat(status.get("failures").get(0).get("message").asString()).contains("pattern").contains("offset");
    }
}

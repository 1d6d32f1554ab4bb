package org.trilateral.exchange.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A collection switched to v2-oprf-p256 refuses new v1-sha256 digests; another collection still takes them. */
@TestPropertySource(properties = {
        "exchange.collections[0].id=6f3a1c2e-8b4d-4e5f-9a7b-1c2d3e4f5a60",
        "exchange.collections[0].alias=indicators",
        "exchange.collections[0].title=Indicators",
        "exchange.collections[0].persona-schemes=v2-oprf-p256",
        "exchange.collections[1].id=3b4c5d6e-7f80-4912-a3b4-c5d6e7f80911",
        "exchange.collections[1].alias=sightings",
        "exchange.collections[1].title=Sightings",
        "exchange.collections[2].id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        "exchange.collections[2].alias=reference",
        "exchange.collections[2].title=Reference data",
        "exchange.collections[2].write-roles="})
class PersonaSchemeSwitchTest extends ExchangeIntegrationTest {

    private static final PersonaDigest V1 = new V1Sha256().digest(EmailIdentifiers.normalise("old@example.com"));
    private static final PersonaDigest V2 = PersonaTokenEvaluator.create(new KeyEpoch(1),
            OprfKeyPair.generate(ScalarSource.secure())).token(EmailIdentifiers.normalise("new@example.com"));

    private static String envelope(PersonaDigest digest) {
        ObjectNode indicator = IndicatorBuilder.personaIdentifier(digest).createdByRef(TestStix.MEMBER_IDENTITY)
                .marking(Tlp.AMBER).build();
        return StixJson.mapper().writeValueAsString(java.util.Map.of("objects", List.of(indicator)));
    }

    @Test
    void publishWhenCollectionSwitchedAndDigestIsV1ThenRefusedNamingTheScheme() {
        JsonNode status = taxii().publish(Taxii.INDICATORS, envelope(V1));

        assertThat(status.get("failures")).hasSize(1);
        assertThat(status.get("failures").get(0).get("message").stringValue())
                .contains("persona scheme [v1-sha256] is not accepted").contains("[v2-oprf-p256]");
    }

    @Test
    void publishWhenCollectionSwitchedAndTokenIsV2ThenAccepted() {
        JsonNode status = taxii().publish(Taxii.INDICATORS, envelope(V2));

        assertThat(status.get("failures")).isEmpty();
        assertThat(status.get("success_count").intValue()).isEqualTo(1);
    }

    @Test
    void publishWhenCollectionNotSwitchedThenV1StillAccepted() {
        JsonNode status = taxii().publish(Taxii.SIGHTINGS, envelope(V1));

        assertThat(status.get("failures")).isEmpty();
    }
}

package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

class IndicatorsTest {

    private final Indicators indicators = TestObjects.indicators();

    @Test
    void emailWhenBuiltThenOnlyTheDigestIsInTheIndicator() {
        ObjectNode indicator = indicators.email("Kim.Worker+jobs@Example.com", Tlp.RED);

        String json = indicator.toString();
        assertThat(json).doesNotContainIgnoringCase("kim.worker").doesNotContainIgnoringCase("example.com");
        assertThat(indicator.get("pattern").asString()).contains("persona-identifier").matches(".*[0-9a-f]{64}.*");
        assertThat(indicator.get("created_by_ref").asString()).isEqualTo(TestObjects.MEMBER);
    }

    @Test
    void phoneWhenNationalNumberWithRegionThenHashedLocally() {
        ObjectNode indicator = indicators.phone("010-1234-5678", "KR", Tlp.AMBER);

        assertThat(indicator.toString()).doesNotContain("1234");
    }

    @Test
    void walletWhenCaip10ThenPatternNamesCanonicalAddress() {
        ObjectNode indicator = indicators.wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER);

        assertThat(indicator.get("pattern").asString()).containsIgnoringCase("0x52908400098527886E0F7030069857D2E4169EE7");
    }

    @Test
    void walletWhenNoChainThenRefusedNamingTheForm() {
        assertThatThrownBy(() -> indicators.wallet("0xabc", Tlp.AMBER)).hasMessageContaining("<chain>:<address>");
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;

class PersonaSchemeUseTest {

    @Test
    void schemesInWhenPersonaIdentifierThenItsScheme() {
        assertThat(PersonaSchemeUse.schemesIn(StixJson.mapper().readTree(
                "{\"type\":\"persona-identifier\",\"kind\":\"email\",\"scheme\":\"v1-sha256\",\"digest\":\"ab\"}")))
                .containsExactly("v1-sha256");
    }

    @Test
    void schemesInWhenIndicatorPatternComparesSchemesThenEach() {
        String pattern = "[persona-identifier:kind = 'email' AND persona-identifier:scheme = 'v1-sha256'] OR"
                + " [persona-identifier:scheme='v2-oprf-p256' AND persona-identifier:digest = '1:ab']";
        assertThat(PersonaSchemeUse.schemesIn(StixJson.mapper().createObjectNode().put("type", "indicator").put("pattern", pattern)))
                .containsExactly("v1-sha256", "v2-oprf-p256");
    }

    @Test
    void schemesInWhenObservedDataEmbedsPersonaThenFound() {
        assertThat(PersonaSchemeUse.schemesIn(StixJson.mapper().readTree("{\"type\":\"observed-data\",\"objects\":{\"0\":"
                + "{\"type\":\"persona-identifier\",\"scheme\":\"v1-sha256\"}}}"))).containsExactly("v1-sha256");
    }

    @Test
    void schemesInWhenNoPersonaThenEmpty() {
        assertThat(PersonaSchemeUse.schemesIn(StixJson.mapper().readTree(
                "{\"type\":\"indicator\",\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\"}"))).isEmpty();
    }
}

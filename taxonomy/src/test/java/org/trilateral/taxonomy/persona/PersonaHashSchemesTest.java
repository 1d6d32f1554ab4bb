package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonaHashSchemesTest {

    @Test
    void byNameWhenKnownThenSchemeElseEmpty() {
        assertThat(PersonaHashSchemes.byName("v1-sha256")).get().isInstanceOf(V1Sha256.class);
        assertThat(PersonaHashSchemes.byName("v1-SHA256")).isEmpty();
        assertThat(PersonaHashSchemes.byName("v2-oprf-p256")).get().isSameAs(V2OprfP256.SCHEME);
        assertThat(PersonaHashSchemes.names()).containsExactly("v1-sha256", "v2-oprf-p256");
    }
}

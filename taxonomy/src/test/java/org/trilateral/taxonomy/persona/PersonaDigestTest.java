package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonaDigestTest {

    private static final String HEX = "ab".repeat(32);

    @Test
    void stixIdWhenSameInputsThenSameId() {
        assertThat(new PersonaDigest(PersonaKind.EMAIL, null, "v1-sha256", HEX).stixId())
                .isEqualTo(new PersonaDigest(PersonaKind.EMAIL, null, "v1-sha256", HEX).stixId());
        assertThat(new PersonaDigest(PersonaKind.EMAIL, null, "v1-sha256", HEX).stixId().type()).isEqualTo("persona-identifier");
    }

    @Test
    void stixIdWhenPlatformDiffersThenDifferentId() {
        assertThat(new PersonaDigest(PersonaKind.USERNAME, "github", "v1-sha256", HEX).stixId())
                .isNotEqualTo(new PersonaDigest(PersonaKind.USERNAME, "gitlab", "v1-sha256", HEX).stixId());
    }

    @Test
    void constructorWhenUnknownSchemeThenRefusedListingKnown() {
        assertThatThrownBy(() -> new PersonaDigest(PersonaKind.EMAIL, null, "v2-oprf", HEX))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("v2-oprf").hasMessageContaining("v1-sha256");
    }

    @Test
    void constructorWhenDigestWrongFormThenRefused() {
        assertThatThrownBy(() -> new PersonaDigest(PersonaKind.EMAIL, null, "v1-sha256", "AB".repeat(32)))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("64 lower-case hex");
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaggedIdentifierTest {

    @Test
    void taggedFormWhenEmailThenDocumentedLayout() {
        TaggedIdentifier id = new TaggedIdentifier(PersonaKind.EMAIL, null, "alice@example.com");
        assertThat(id.taggedForm()).isEqualTo("tie-persona|v1|email|alice@example.com");
        assertThat(id.taggedBytes()).isEqualTo("tie-persona|v1|email|alice@example.com".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void taggedFormWhenSameValueDifferentKindThenDifferent() {
        assertThat(new TaggedIdentifier(PersonaKind.USERNAME, "x.com", "a").taggedForm())
                .isNotEqualTo(new TaggedIdentifier(PersonaKind.EMAIL, null, "a").taggedForm());
    }

    @Test
    void constructorWhenUsernameWithoutPlatformThenRefused() {
        assertThatThrownBy(() -> new TaggedIdentifier(PersonaKind.USERNAME, null, "a"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("platform");
    }

    @Test
    void constructorWhenPlatformOnEmailThenRefused() {
        assertThatThrownBy(() -> new TaggedIdentifier(PersonaKind.EMAIL, "github", "a@b.c"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("only a username");
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsernameIdentifiersTest {

    @Test
    void normaliseWhenAtSignAndCaseThenRemovedAndLower() {
        TaggedIdentifier id = UsernameIdentifiers.normalise("Telegram", "@DevKim");
        assertThat(id.platformName()).contains("telegram");
        assertThat(id.taggedForm()).isEqualTo("tie-persona|v1|username|telegram|devkim");
    }

    @Test
    void normaliseWhenSameNameOnOtherPlatformThenDifferentTag() {
        assertThat(UsernameIdentifiers.normalise("github", "devkim").taggedForm())
                .isNotEqualTo(UsernameIdentifiers.normalise("upwork", "devkim").taggedForm());
    }

    @Test
    void normaliseWhenPlatformHasSpaceThenRefused() {
        assertThatThrownBy(() -> UsernameIdentifiers.normalise("git hub", "devkim"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("platform");
    }

    @Test
    void normaliseWhenUsernameHasSpaceThenRefused() {
        assertThatThrownBy(() -> UsernameIdentifiers.normalise("github", "dev kim"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("whitespace");
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailIdentifiersTest {

    @Test
    void normaliseWhenUpperCaseAndSpacesThenLowerTrimmed() {
        assertThat(EmailIdentifiers.normalise("\u00a0Bob@Example.COM ").normalised()).isEqualTo("bob@example.com");
    }

    @Test
    void normaliseWhenInternationalDomainThenPunycode() {
        assertThat(EmailIdentifiers.normalise("bob@BÜCHER.example").normalised()).isEqualTo("bob@xn--bcher-kva.example");
    }

    @Test
    void normaliseWhenTrailingDotInDomainThenRemoved() {
        assertThat(EmailIdentifiers.normalise("bob@example.com.").normalised()).isEqualTo("bob@example.com");
    }

    @Test
    void normaliseWithVariantsWhenNotGmailThenOnlyPrimary() {
        assertThat(EmailIdentifiers.normaliseWithVariants("a.b+c@example.com")).extracting(TaggedIdentifier::normalised)
                .containsExactly("a.b+c@example.com");
    }

    @Test
    void normaliseWithVariantsWhenGmailAlreadyPlainThenNoDuplicate() {
        assertThat(EmailIdentifiers.normaliseWithVariants("ab@gmail.com")).hasSize(1);
    }

    @Test
    void normaliseWithVariantsWhenGmailDotsAndTagThenVariantAdded() {
        assertThat(EmailIdentifiers.normaliseWithVariants("J.Doe+upwork@gmail.com")).extracting(TaggedIdentifier::normalised)
                .containsExactly("j.doe+upwork@gmail.com", "jdoe@gmail.com");
    }

    @Test
    void normaliseWhenTwoAtSignsThenRefused() {
        assertThatThrownBy(() -> EmailIdentifiers.normalise("a@b@example.com"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("exactly one '@'");
    }

    @Test
    void normaliseWhenDomainHasOneLabelThenRefused() {
        assertThatThrownBy(() -> EmailIdentifiers.normalise("a@localhost"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("two labels");
    }

    @Test
    void normaliseWhenLocalPartHasSpaceThenRefused() {
        assertThatThrownBy(() -> EmailIdentifiers.normalise("a b@example.com"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("whitespace");
    }
}

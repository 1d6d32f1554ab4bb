package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.persona.IdentityDocumentIdentifiers.DocumentType;

class IdentityDocumentIdentifiersTest {

    @Test
    void normaliseWhenSeparatorsAndLowerCaseThenRemovedAndUpper() {
        assertThat(IdentityDocumentIdentifiers.normalise(" jpn ", DocumentType.PASSPORT, "tk-123 456.7").normalised())
                .isEqualTo("JPN|passport|TK1234567");
    }

    @Test
    void normaliseWhenStateTooLongThenRefused() {
        assertThatThrownBy(() -> IdentityDocumentIdentifiers.normalise("KORE", DocumentType.PASSPORT, "M1"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("'KORE'");
    }

    @Test
    void normaliseWhenNumberHasNonLatinLetterThenRefused() {
        assertThatThrownBy(() -> IdentityDocumentIdentifiers.normalise("KOR", DocumentType.NATIONAL_ID, "М123"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("Latin letters and digits");
    }

    @Test
    void documentTypeFromValueWhenKnownThenFound() {
        assertThat(DocumentType.fromValue("driving-licence")).contains(DocumentType.DRIVING_LICENCE);
        assertThat(DocumentType.fromValue("passport-card")).isEmpty();
    }
}

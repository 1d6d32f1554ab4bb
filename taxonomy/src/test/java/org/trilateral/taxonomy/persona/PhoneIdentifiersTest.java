package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneIdentifiersTest {

    @Test
    void normaliseWhenKoreanNationalFormThenE164() {
        assertThat(PhoneIdentifiers.normalise("010-1234-5678", "KR").normalised()).isEqualTo("+821012345678");
    }

    @Test
    void normaliseWhenJapaneseFullWidthDigitsThenE164() {
        assertThat(PhoneIdentifiers.normalise("０９０－１２３４－５６７８", "jp").normalised()).isEqualTo("+819012345678");
    }

    @Test
    void normaliseWhenSameNumberInternationalAndNationalThenSame() {
        assertThat(PhoneIdentifiers.normalise("+82 10 1234 5678", null))
                .isEqualTo(PhoneIdentifiers.normalise("010-1234-5678", "KR"));
    }

    @Test
    void normaliseWhenNationalWithoutRegionThenRefusedSayingSo() {
        assertThatThrownBy(() -> PhoneIdentifiers.normalise("010-1234-5678", null))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("no default region");
    }

    @Test
    void normaliseWhenUnknownRegionThenRefused() {
        assertThatThrownBy(() -> PhoneIdentifiers.normalise("010-1234-5678", "XX"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("'XX'");
    }

    @Test
    void normaliseWhenTooShortThenRefusedWithReason() {
        assertThatThrownBy(() -> PhoneIdentifiers.normalise("12", "US"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("TOO_SHORT");
    }
}

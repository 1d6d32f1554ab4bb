package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NameIdentifiersTest {

    private static final LocalDate DOB = LocalDate.of(1990, 1, 31);

    @Test
    void passportWhenMrzAndPrintedSpellingThenSame() {
        assertThat(NameIdentifiers.passport("KIM<<UNG<SUN", DOB)).isEqualTo(NameIdentifiers.passport("Kim Ung-Sun", DOB));
        assertThat(NameIdentifiers.passport("KIM<<UNG<SUN", DOB).normalised()).isEqualTo("kimungsun|1990-01-31");
    }

    @Test
    void passportWhenNonLatinThenRefusedPointingToNativeKind() {
        assertThatThrownBy(() -> NameIdentifiers.passport("김응순", DOB))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("native-script");
    }

    @Test
    void nativeScriptWhenSpacingDiffersThenSame() {
        assertThat(NameIdentifiers.nativeScript("김 응순", DOB)).isEqualTo(NameIdentifiers.nativeScript("김응순", DOB));
    }

    @Test
    void nativeAndPassportWhenSameLettersThenDifferentKinds() {
        assertThat(NameIdentifiers.nativeScript("Kim Ung Sun", DOB).taggedForm())
                .isNotEqualTo(NameIdentifiers.passport("Kim Ung Sun", DOB).taggedForm());
    }

    @Test
    void nativeScriptWhenNoDateOfBirthThenRefused() {
        assertThatThrownBy(() -> NameIdentifiers.nativeScript("Kim", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("date of birth");
    }

    @Test
    void nativeScriptWhenOnlyPunctuationThenRefused() {
        assertThatThrownBy(() -> NameIdentifiers.nativeScript(" - , ", DOB))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("empty");
    }

    @Test
    void dateOfBirthWhenNotCalendarDateThenRefused() {
        assertThatThrownBy(() -> NameIdentifiers.dateOfBirth("1990-02-30"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("1990-02-30");
    }
}

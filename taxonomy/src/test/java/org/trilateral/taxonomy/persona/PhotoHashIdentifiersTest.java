package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhotoHashIdentifiersTest {

    @Test
    void normaliseWhenUpperCaseWithPrefixThenLowerHex() {
        assertThat(PhotoHashIdentifiers.normalise("0XFFEE000011112222").normalised()).isEqualTo("ffee000011112222");
    }

    @Test
    void normaliseWhenNot64BitsThenRefused() {
        assertThatThrownBy(() -> PhotoHashIdentifiers.normalise("ffee"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("16 hex digits");
    }
}

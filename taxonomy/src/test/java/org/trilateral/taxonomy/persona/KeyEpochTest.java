package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyEpochTest {

    @Test
    void parseWhenDecimalWithoutLeadingZeroThenEpoch() {
        assertThat(KeyEpoch.parse("12")).isEqualTo(new KeyEpoch(12));
        assertThat(new KeyEpoch(12)).hasToString("12");
        assertThat(new KeyEpoch(1).next()).isEqualTo(new KeyEpoch(2));
        assertThat(new KeyEpoch(1)).isLessThan(new KeyEpoch(2));
    }

    @Test
    void parseWhenZeroLeadingZeroSignOrTenDigitsThenRefused() {
        for (String text : new String[] {"0", "01", "+1", "-1", "1000000000", "", " 1", "1e3"}) {
            assertThatThrownBy(() -> KeyEpoch.parse(text)).as(text).isInstanceOf(InvalidPersonaIdentifierException.class);
        }
        assertThatThrownBy(() -> new KeyEpoch(0)).isInstanceOf(InvalidPersonaIdentifierException.class);
    }
}

package org.trilateral.taxonomy.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BicTest {

    @Test
    void parseWhenEightOrElevenCharactersThenValid() {
        assertThat(Bic.parse("DEUTDEFF").value()).isEqualTo("DEUTDEFF");
        assertThat(Bic.parse("deut de ff 500").value()).isEqualTo("DEUTDEFF500");
        assertThat(Bic.parse("SHBKKRSE").countryCode()).isEqualTo("KR");
    }

    @Test
    void parseWhenPrimaryOfficeBranchXxxThenDropped() {
        assertThat(Bic.parse("DEUTDEFFXXX")).isEqualTo(Bic.parse("DEUTDEFF"));
        assertThatThrownBy(() -> new Bic("DEUTDEFFXXX")).hasMessageContaining("'DEUTDEFF'");
    }

    @Test
    void parseWhenCountryUnknownOrLengthWrongThenRefused() {
        assertThatThrownBy(() -> Bic.parse("DEUTZZFF")).isInstanceOf(InvalidBankIdentifierException.class).hasMessageContaining("'ZZ'");
        assertThatThrownBy(() -> Bic.parse("DEUTDEF")).hasMessageContaining("8 or 11");
        assertThatThrownBy(() -> Bic.parse("DEUTDEFF5")).hasMessageContaining("8 or 11");
        assertThatThrownBy(() -> Bic.parse("DEUT1EFF")).hasMessageContaining("8 or 11");
    }
}

package org.trilateral.taxonomy.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    /** Examples of the SWIFT IBAN registry, one per length from the shortest (NO, 15) to the longest (RU, 33). */
    @ParameterizedTest
    @ValueSource(strings = {"NO9386011117947", "BE68539007547034", "DK5000400440116243", "MK07250120000058984",
            "AT611904300234573201", "CH9300762011623852957", "DE89370400440532013000", "GI75NWBK000000007099453",
            "AD1200012030200359100100", "PT50000201231234567890154", "IS140159260076545510730339",
            "FR1420041010050500013M02606", "AL47212110090000000235698741", "BR1800360305000010009795493C1",
            "JO94CBJO0010000000000131000302", "MT84MALT011000012345MTLCAST001S", "LC55HEMM000100010012001200023015",
            "RU0204452560040702810412345678901", "GB29NWBK60161331926819"})
    void parseWhenRegistryExampleThenValid(String iban) {
        assertThat(Iban.parse(iban).value()).isEqualTo(iban);
    }

    @Test
    void parseWhenPrintFormLowerCaseOrLabelledThenElectronicForm() {
        assertThat(Iban.parse("de89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
        assertThat(Iban.parse("IBAN DE89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
        assertThat(Iban.parse("ＤＥ８９３７０４００４４０５３２０１３０００").value()).isEqualTo("DE89370400440532013000");
        assertThat(Iban.parse("DE89370400440532013000").printForm()).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(Iban.parse("DE89370400440532013000").countryCode()).isEqualTo("DE");
    }

    @Test
    void parseWhenOneDigitWrongOrTwoSwappedThenChecksumRefused() {
        assertThatThrownBy(() -> Iban.parse("DE89370400440532013001")).hasMessageContaining("MOD 97-10");
        assertThatThrownBy(() -> Iban.parse("DE89370400440532010300")).hasMessageContaining("MOD 97-10");
    }

    @Test
    void parseWhenLengthNotTheCountrysThenRefusedNamingIt() {
        assertThatThrownBy(() -> Iban.parse("DE8937040044053201300")).isInstanceOf(InvalidBankIdentifierException.class)
                .hasMessageContaining("21 characters").hasMessageContaining("DE has 22");
    }

    @Test
    void parseWhenCountryWithoutIbanThenRefused() {
        assertThatThrownBy(() -> Iban.parse("US64SVBKUS6S3300958879")).hasMessageContaining("'US' is not in the ISO 13616 IBAN registry");
        assertThatThrownBy(() -> Iban.parse("KR12345678901234")).hasMessageContaining("registry");
    }

    @Test
    void parseWhenCheckDigits01InsteadOf98ThenRefusedThoughMod97Passes() {
        // GB98 MIDL 0700 9312 3456 78 is valid; 01 leaves the same remainder, but ISO 13616 allows only 02-98.
        assertThat(Iban.parse("GB98MIDL07009312345678").value()).isEqualTo("GB98MIDL07009312345678");
        assertThatThrownBy(() -> Iban.parse("GB01MIDL07009312345678")).hasMessageContaining("02 to 98");
    }

    @Test
    void parseWhenPunctuationOrNonLatinThenRefused() {
        assertThatThrownBy(() -> Iban.parse("DE89.3704.0044.0532.0130.00")).isInstanceOf(InvalidBankIdentifierException.class);
        assertThatThrownBy(() -> Iban.parse("   ")).hasMessageContaining("empty");
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostalAddressIdentifiersTest {

    @Test
    void normaliseWhenUsAddressSpelledDifferentlyThenSameIdentifier() {
        TaggedIdentifier a = PostalAddressIdentifiers.normalise("us", "94103-1234", "123 North Main Street, Apt. 4B");
        TaggedIdentifier b = PostalAddressIdentifiers.normalise("US", "94103", "123 N. MAIN ST #4B");
        TaggedIdentifier c = PostalAddressIdentifiers.normalise("US", "94103", "123  north  main st.", "Unit 4B");

        assertThat(a.taggedForm()).isEqualTo("tie-persona|v1|postal-address|US|94103|123 n main st 4b");
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
    }

    @Test
    void normaliseWhenJapaneseChomeBanchiGoOrHyphensThenSameIdentifier() {
        TaggedIdentifier kanji = PostalAddressIdentifiers.normalise("JP", "〒100-0001", "千代田１丁目１番１号");
        TaggedIdentifier hyphens = PostalAddressIdentifiers.normalise("JP", "1000001", "千代田1-1-1");

        assertThat(kanji.normalised()).isEqualTo("JP|1000001|千代田1 1 1");
        assertThat(hyphens).isEqualTo(kanji);
    }

    @Test
    void normaliseWhenJapanesePlaceNameHasKanjiNumeralThenKept() {
        assertThat(PostalAddressIdentifiers.normalise("JP", "102-0082", "一番町1番地").normalised()).isEqualTo("JP|1020082|一番町1");
    }

    @Test
    void normaliseWhenKoreanRoadAddressThenSpacesCollapsedAndFiveDigitPostcode() {
        assertThat(PostalAddressIdentifiers.normalise("KR", "06236", "테헤란로  152,", "  ").normalised()).isEqualTo("KR|06236|테헤란로 152");
        assertThat(PostalAddressIdentifiers.normalise("KR", "06236", "역삼동 123번지").normalised()).isEqualTo("KR|06236|역삼동 123");
    }

    @Test
    void normaliseWhenPostcodeNotInCountryFormThenRefused() {
        assertThatThrownBy(() -> PostalAddressIdentifiers.normalise("US", "9410", "1 Main St")).hasMessageContaining("5 digits");
        assertThatThrownBy(() -> PostalAddressIdentifiers.normalise("JP", "100-001", "千代田1-1")).hasMessageContaining("7 digits");
        assertThatThrownBy(() -> PostalAddressIdentifiers.normalise("KR", "135-080", "테헤란로 152")).hasMessageContaining("5-digit");
    }

    @Test
    void normaliseWhenOtherCountryThenPostcodeCompactAndMayBeEmpty() {
        assertThat(PostalAddressIdentifiers.normalise("gb", "sw1a 1aa", "10 Downing Street").normalised()).isEqualTo("GB|SW1A1AA|10 downing st");
        assertThat(PostalAddressIdentifiers.normalise("HK", "", "1 Queen's Road Central").normalised()).isEqualTo("HK||1 queen s rd central");
    }

    @Test
    void normaliseWhenCountryUnknownOrStreetEmptyThenRefused() {
        assertThatThrownBy(() -> PostalAddressIdentifiers.normalise("USA", "94103", "1 Main St")).hasMessageContaining("ISO 3166-1");
        assertThatThrownBy(() -> PostalAddressIdentifiers.normalise("US", "94103", "Apt. #", " ")).hasMessageContaining("street is empty");
    }

    @Test
    void normaliseWhenStreetHasVerticalBarThenItSeparatesWordsAndCannotForgeAField() {
        assertThat(PostalAddressIdentifiers.normalise("US", "94103", "1 Main|St").normalised()).isEqualTo("US|94103|1 main st");
    }
}

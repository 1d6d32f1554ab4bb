package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BankAccountIdentifiersTest {

    @Test
    void ibanWhenPrintFormThenTaggedElectronicForm() {
        TaggedIdentifier account = BankAccountIdentifiers.iban("gb29 nwbk 6016 1331 9268 19");

        assertThat(account.kind()).isEqualTo(PersonaKind.BANK_ACCOUNT);
        assertThat(account.taggedForm()).isEqualTo("tie-persona|v1|bank-account|iban:GB29NWBK60161331926819");
    }

    @Test
    void ibanWhenChecksumWrongThenRefusedAsPersonaIdentifier() {
        assertThatThrownBy(() -> BankAccountIdentifiers.iban("GB29NWBK60161331926818"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("MOD 97-10");
    }

    @Test
    void usAccountWhenSeparatorsAndLeadingZerosThenDigitsKeptInOrder() {
        assertThat(BankAccountIdentifiers.usAccount("021000021", "0001-2345-6789").normalised()).isEqualTo("aba:021000021:000123456789");
    }

    @Test
    void usAccountWhenRoutingCheckDigitWrongOrAccountTooLongThenRefused() {
        assertThatThrownBy(() -> BankAccountIdentifiers.usAccount("021000022", "123456789")).hasMessageContaining("3-7-1");
        assertThatThrownBy(() -> BankAccountIdentifiers.usAccount("021000021", "123456789012345678")).hasMessageContaining("4 to 17 digits");
        assertThatThrownBy(() -> BankAccountIdentifiers.usAccount("021000021", "12AB56789")).hasMessageContaining("digits");
    }

    @Test
    void bicAccountWhenKoreanBankThenBicWithoutXxxAndUpperCaseAccount() {
        assertThat(BankAccountIdentifiers.bicAccount("SHBKKRSEXXX", "110-123-456789").normalised()).isEqualTo("bic:SHBKKRSE:110123456789");
    }

    @Test
    void bicAccountWhenAccountIsAnIbanThenRefusedPointingToIbanForm() {
        assertThatThrownBy(() -> BankAccountIdentifiers.bicAccount("DEUTDEFF", "DE89 3704 0044 0532 0130 00"))
                .hasMessageContaining("use the iban form");
    }
}

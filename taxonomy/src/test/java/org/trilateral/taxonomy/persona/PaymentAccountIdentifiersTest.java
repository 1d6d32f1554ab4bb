package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentAccountIdentifiersTest {

    @Test
    void normaliseWhenPaypalThenPlatformColonNormalisedEmail() {
        TaggedIdentifier account = PaymentAccountIdentifiers.normalise("PayPal", " Alice@Example.COM ");

        assertThat(account.kind()).isEqualTo(PersonaKind.PAYMENT_ACCOUNT);
        assertThat(account.taggedForm()).isEqualTo("tie-persona|v1|payment-account|paypal:alice@example.com");
    }

    @Test
    void normaliseWhenPayoneerOrWiseThenDigitsOnlyAndWiseLeadingPDropped() {
        assertThat(PaymentAccountIdentifiers.normalise("payoneer", "1234 5678").normalised()).isEqualTo("payoneer:12345678");
        assertThat(PaymentAccountIdentifiers.normalise("wise", "P87654321").normalised()).isEqualTo("wise:87654321");
        assertThat(PaymentAccountIdentifiers.normalise("WISE", "87654321")).isEqualTo(PaymentAccountIdentifiers.normalise("wise", "p87654321"));
    }

    @Test
    void normaliseWhenUnknownPlatformThenRefusedListingKnown() {
        assertThatThrownBy(() -> PaymentAccountIdentifiers.normalise("venmo", "alice"))
                .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("[paypal, payoneer, wise]");
    }

    @Test
    void normaliseWhenNumericIdHasLettersOrPaypalIsNoEmailThenRefused() {
        assertThatThrownBy(() -> PaymentAccountIdentifiers.normalise("payoneer", "ABC123")).hasMessageContaining("4 to 16 digits");
        assertThatThrownBy(() -> PaymentAccountIdentifiers.normalise("paypal", "alice")).hasMessageContaining("'@'");
    }
}

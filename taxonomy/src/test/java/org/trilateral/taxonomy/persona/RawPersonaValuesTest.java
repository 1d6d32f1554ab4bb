package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trilateral.taxonomy.extension.ExchangeObservables;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RawPersonaValuesTest {

    private static final String MEMBER = "identity--0f6a3d1e-2b7c-4e59-9a1d-3c4b5e6f7a8b";
    private final RawPersonaValues raw = new RawPersonaValues();

    @Test
    void findWhenEmailAddressObservableThenItsValueIsNamed() {
        JsonNode email = parse("""
                {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
                 "value": "john.doe@example.com", "display_name": "John Doe"}
                """);

        assertThat(raw.find(email)).extracting(StixViolation::property).containsExactlyInAnyOrder("value", "display_name");
        assertThat(raw.find(email)).anySatisfy(v -> assertThat(v.message())
                .startsWith("is a raw email address (email-addr value); a collection for hashed personas refuses raw persona values")
                .contains("persona-identifier"));
    }

    @Test
    void findWhenUserAccountNamesItsUserThenRefusedButAccountTypeAloneIsNot() {
        assertThat(raw.find(parse("""
                {"type": "user-account", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c", "account_login": "jdoe"}
                """))).extracting(StixViolation::property).containsExactly("account_login");
        assertThat(raw.find(parse("""
                {"type": "user-account", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c", "account_type": "unix"}
                """))).isEmpty();
    }

    @Test
    void findWhenPhoneNumberObservableOrPhoneValueThenRefused() {
        assertThat(raw.find(parse("""
                {"type": "phone-number", "id": "phone-number--6e6e1b4c-1a5c-5b3c-9c2a-1c8f4b2d7e10", "value": "+82 10-1234-5678"}
                """))).extracting(StixViolation::property).containsExactly("value");
        assertThat(raw.find(parse("""
                {"type": "x-contact", "id": "x-contact--6e6e1b4c-1a5c-4b3c-9c2a-1c8f4b2d7e10", "phone": "tel:+819012345678"}
                """))).singleElement().satisfies(v -> {
                    assertThat(v.property()).isEqualTo("phone");
                    assertThat(v.message()).startsWith("is a raw phone number;");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[email-addr:value = 'john.doe@example.com']",
            "[email-addr:value LIKE '%doe%']",
            "[email-message:from_ref.value = 'x']",
            "[email-message:to_refs[*].display_name = 'John Doe']",
            "[user-account:account_login = 'jdoe' AND user-account:account_type = 'unix']",
            "[process:creator_user_ref.user_id = '1001']",
            "[file:name = 'a'] FOLLOWEDBY [x-contact:phone IN ('+82 10 1234 5678')]"})
    void findWhenPatternComparesRawPersonaValuesThenRefusedOnPattern(String pattern) {
        ObjectNode indicator = IndicatorBuilder.builder().name("test").pattern(pattern).createdByRef(MEMBER).marking(Tlp.AMBER).build();

        assertThat(raw.find(indicator)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("pattern");
            assertThat(v.message()).contains("raw").contains("persona-identifier");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[EXISTS email-addr:value]",
            "[user-account:account_type = 'unix']",
            "[email-message:subject = 'Invoice']",
            "[ipv4-addr:value = '203.0.113.7']"})
    void findWhenPatternComparesNoRawPersonaValueThenNothing(String pattern) {
        ObjectNode indicator = IndicatorBuilder.builder().name("test").pattern(pattern).createdByRef(MEMBER).marking(Tlp.AMBER).build();

        assertThat(raw.find(indicator)).isEmpty();
    }

    @Test
    void findWhenEmailAddressInFreeTextThenTheTextIsNamed() {
        ObjectNode indicator = IndicatorBuilder.builder().name("test").pattern("[ipv4-addr:value = '203.0.113.7']").createdByRef(MEMBER)
                .marking(Tlp.AMBER).description("The domain was registered by zhengyanbin8@gmail.com in 2012.").build();
        indicator.putObject("x_acme").putArray("contacts").add("ops@agency.example.go.kr");

        assertThat(raw.find(indicator)).extracting(StixViolation::property)
                .containsExactlyInAnyOrder("description", "x_acme.contacts[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"used by admin@338", "gwx@123 sample", "2024-01-15", "+1", "010-1234-5678", "version 1.2.3",
            "+12", "call +82 10 1234 5678 today", "a@b"})
    void findWhenTextOnlyResemblesAnAddressOrNumberThenNothing(String text) {
        ObjectNode indicator = IndicatorBuilder.builder().name("test").pattern("[ipv4-addr:value = '203.0.113.7']").createdByRef(MEMBER)
                .marking(Tlp.AMBER).description(text).build();

        assertThat(raw.find(indicator)).isEmpty();
    }

    @Test
    void findWhenTheExchangesOwnObservablesAndIndicatorsThenNothing() {
        PersonaDigest digest = new V1Sha256().digest(EmailIdentifiers.normalise("alice@example.com"));

        assertThat(raw.find(ExchangeObservables.personaIdentifier(digest))).isEmpty();
        assertThat(raw.find(IndicatorBuilder.personaIdentifier(digest).createdByRef(MEMBER).marking(Tlp.AMBER).build())).isEmpty();
    }

    @Test
    void findWhenObservedDataEmbedsAnEmailAddressThenNamedThroughObjects() {
        JsonNode observed = parse("""
                {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
                 "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
                 "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 1,
                 "objects": {"0": {"type": "email-addr", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3", "value": "x"}}}
                """);

        assertThat(raw.find(observed)).extracting(StixViolation::property).containsExactly("objects.0.value");
    }

    private static JsonNode parse(String json) {
        return StixJson.mapper().readTree(json);
    }
}

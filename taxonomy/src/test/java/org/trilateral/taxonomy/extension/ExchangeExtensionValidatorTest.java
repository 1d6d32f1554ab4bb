package org.trilateral.taxonomy.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.persona.BankAccountIdentifiers;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.persona.V2OprfP256;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixViolation;
import org.trilateral.taxonomy.vocabulary.FacilitatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

class ExchangeExtensionValidatorTest {

    private final ExchangeExtensionValidator validator = new ExchangeExtensionValidator();

    private static ObjectNode wallet() {
        return ExchangeObservables.wallet(WalletAddress.parse("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    private static ObjectNode persona() {
        return ExchangeObservables.personaIdentifier(new V1Sha256().digest(EmailIdentifiers.normalise("a@example.com")));
    }

    private static ObjectNode infrastructure() {
        ObjectNode infrastructure = StixJson.mapper().createObjectNode().put("type", "infrastructure")
                .put("id", "infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d");
        return ExchangeObservables.addFacilitatorExtension(infrastructure, FacilitatorKind.LAPTOP_FARM,
                List.of("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"));
    }

    private static List<String> properties(List<StixViolation> violations) {
        return violations.stream().map(StixViolation::property).toList();
    }

    @Test
    void validateWhenObjectsBuiltByLibraryThenNoViolations() {
        assertThat(validator.validate(wallet())).isEmpty();
        assertThat(validator.validate(persona())).isEmpty();
        assertThat(validator.validate(infrastructure())).isEmpty();
    }

    @Test
    void validateWhenObjectUsesNoExchangeExtensionThenNoViolations() {
        assertThat(validator.validate(StixJson.mapper().createObjectNode().put("type", "malware"))).isEmpty();
    }

    @Test
    void validateWhenWalletAddressNotCanonicalThenMessageGivesCanonicalForm() {
        ObjectNode wallet = wallet().put("address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        List<StixViolation> violations = validator.validate(wallet);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("address");
            assertThat(v.message()).contains("canonical").contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        });
    }

    @Test
    void validateWhenWalletChecksumBadThenRefusedWithReason() {
        List<StixViolation> violations = validator.validate(wallet().put("address", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("BAD_CHECKSUM"));
    }

    @Test
    void validateWhenWalletChainIsAliasThenAskForCaip2() {
        List<StixViolation> violations = validator.validate(wallet().put("chain", "ethereum"));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("eip155:1"));
    }

    @Test
    void validateWhenWalletChainUnknownThenRefused() {
        assertThat(properties(validator.validate(wallet().put("chain", "cosmos:cosmoshub-4")))).containsExactly("chain");
    }

    @Test
    void validateWhenWalletIdNotDeterministicThenRefusedNamingExpectedId() {
        List<StixViolation> violations = validator.validate(wallet().put("id", "cryptocurrency-wallet--8a0fbd6e-1e9d-4b8b-8e33-5e1d6e3a2a11"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("id");
            assertThat(v.message()).contains("cryptocurrency-wallet--0ce946cf-709f-52f8-877c-cfdcdb1aa1a0");
        });
    }

    @Test
    void validateWhenWalletExtensionMissingThenRefused() {
        ObjectNode wallet = wallet();
        wallet.remove("extensions");
        assertThat(properties(validator.validate(wallet))).containsExactly("extensions");
    }

    @Test
    void validateWhenTokenContractNotCanonicalThenRefused() {
        assertThat(properties(validator.validate(wallet().put("token_contract", "0xdac17f958d2ee523a2206206994597c13d831ec7"))))
                .containsExactly("token_contract");
    }

    @Test
    void validateWhenPersonaKindUnknownThenRefused() {
        assertThat(properties(validator.validate(persona().put("kind", "shoe-size")))).contains("kind");
    }

    @Test
    void validateWhenPersonaSchemeUnknownThenRefused() {
        assertThat(properties(validator.validate(persona().put("scheme", "md5")))).contains("scheme");
    }

    @Test
    void validateWhenPersonaDigestUpperCaseThenRefused() {
        ObjectNode persona = persona();
        persona.put("digest", persona.get("digest").stringValue().toUpperCase(java.util.Locale.ROOT));
        assertThat(validator.validate(persona)).extracting(StixViolation::property).contains("digest");
    }

    @Test
    void validateWhenPersonaCarriesRawValueThenRefused() {
        assertThat(validator.validate(persona().put("value", "a@example.com")))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("never the raw value"));
    }

    @Test
    void validateWhenPersonaIdFromOtherDigestThenRefused() {
        ObjectNode other = ExchangeObservables.personaIdentifier(new V1Sha256().digest(EmailIdentifiers.normalise("b@example.com")));
        assertThat(properties(validator.validate(persona().put("id", other.get("id").stringValue())))).containsExactly("id");
    }

    @Test
    void validateWhenV2TokenThenNoViolationsAndV1StillValid() {
        ObjectNode token = ExchangeObservables.personaIdentifier(v2Token("a@example.com"));

        assertThat(validator.validate(token)).isEmpty();
        assertThat(validator.validate(persona())).isEmpty();
    }

    @Test
    void validateWhenV2TokenWithoutEpochOrWithV1DigestThenRefusedNamingTheForm() {
        ObjectNode token = ExchangeObservables.personaIdentifier(v2Token("a@example.com"));
        String hex = token.get("digest").stringValue().substring(token.get("digest").stringValue().indexOf(':') + 1);

        assertThat(validator.validate(token.deepCopy().put("digest", hex))).extracting(StixViolation::message)
                .anySatisfy(m -> assertThat(m).contains("key epoch"));
        assertThat(properties(validator.validate(token.deepCopy().put("digest", "0:" + hex)))).contains("digest");
        assertThat(properties(validator.validate(persona().put("scheme", "v2-oprf-p256")))).contains("digest");
    }

    @Test
    void validateWhenV2TokenIdComputedWithV1SchemeThenRefused() {
        ObjectNode token = ExchangeObservables.personaIdentifier(v2Token("a@example.com"));

        assertThat(properties(validator.validate(token.put("id", persona().get("id").stringValue())))).containsExactly("id");
    }

    private static PersonaDigest v2Token(String email) {
        KeyEpoch epoch = new KeyEpoch(1);
        return PersonaTokenEvaluator.create(epoch, V2OprfP256.deriveKeyPair(new byte[32], epoch)).token(EmailIdentifiers.normalise(email));
    }

    private static ObjectNode serial() {
        return ExchangeObservables.deviceIdentifier(DeviceIdentifier.serial("apple", "C02XL0GTJGH5"));
    }

    @Test
    void validateWhenDeviceIdentifiersBuiltByLibraryThenNoViolations() {
        assertThat(validator.validate(serial())).isEmpty();
        assertThat(validator.validate(ExchangeObservables.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.RUSTDESK, "farm_box-01"))))
                .isEmpty();
    }

    @Test
    void validateWhenDeviceValueNotCanonicalThenMessageGivesCanonicalForm() {
        ObjectNode anydesk = ExchangeObservables.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123456789"));

        assertThat(validator.validate(anydesk.put("value", "123 456 789"))).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("value");
            assertThat(v.message()).contains("'123456789'");
        });
    }

    @Test
    void validateWhenSerialWithoutManufacturerOrRemoteIdWithOneThenRefused() {
        assertThat(properties(validator.validate((ObjectNode) serial().without("manufacturer")))).containsExactly("manufacturer");
        ObjectNode anydesk = ExchangeObservables.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123456789"));
        assertThat(properties(validator.validate(anydesk.put("manufacturer", "apple")))).containsExactly("manufacturer");
        assertThat(properties(validator.validate(serial().put("manufacturer", "Apple Inc")))).contains("manufacturer");
    }

    @Test
    void validateWhenDeviceTypeUnknownExtraPropertyOrIdOfOtherDeviceThenRefused() {
        assertThat(properties(validator.validate(serial().put("id_type", "chrome-remote-desktop")))).contains("id_type");
        assertThat(properties(validator.validate(serial().put("owner", "kim")))).contains("owner");
        ObjectNode other = ExchangeObservables.deviceIdentifier(DeviceIdentifier.serial("dell", "C02XL0GTJGH5"));
        assertThat(properties(validator.validate(serial().put("id", other.get("id").stringValue())))).containsExactly("id");
    }

    @Test
    void validateWhenDeviceExtensionOnOtherTypeThenRefused() {
        ObjectNode indicator = StixJson.mapper().createObjectNode().put("type", "indicator");
        indicator.putObject("extensions").putObject(ExchangeExtensions.DEVICE_IDENTIFIER_ID).put("extension_type", "new-sco");
        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> assertThat(v.message()).contains("new SCO"));
    }

    @Test
    void validateWhenNewPersonaKindsThenAccepted() {
        V1Sha256 v1 = new V1Sha256();
        assertThat(validator.validate(ExchangeObservables.personaIdentifier(v1.digest(BankAccountIdentifiers.usAccount("021000021", "123456789")))))
                .isEmpty();
        assertThat(validator.validate(ExchangeObservables.personaIdentifier(v2Token("x@example.com")).put("kind", "payment-account")))
                .extracting(StixViolation::property).containsExactly("id");
    }

    @Test
    void validateWhenPlatformOnEmailThenRefused() {
        assertThat(properties(validator.validate(persona().put("platform", "github")))).contains("platform");
    }

    @Test
    void validateWhenWalletExtensionOnOtherTypeThenRefused() {
        ObjectNode indicator = StixJson.mapper().createObjectNode().put("type", "indicator");
        indicator.putObject("extensions").putObject(ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID).put("extension_type", "new-sco");
        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> assertThat(v.message()).contains("new SCO"));
    }

    @Test
    void validateWhenFacilitatorKindUnknownThenRefused() {
        ObjectNode infrastructure = infrastructure();
        ((ObjectNode) infrastructure.at("/extensions/" + ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID)).put("facilitator_kind", "botnet");
        assertThat(validator.validate(infrastructure)).singleElement().satisfies(v -> assertThat(v.message()).contains("botnet"));
    }

    @Test
    void validateWhenFacilitatorOnIndicatorOrRefOfWrongTypeThenRefused() {
        ObjectNode infrastructure = infrastructure().put("type", "indicator");
        ((ObjectNode) infrastructure.at("/extensions/" + ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID)).putArray("location_refs")
                .add("identity--311b2d2d-f010-4473-83ec-1edf84858f4c");
        assertThat(validator.validate(infrastructure)).hasSize(2);
    }

    @Test
    void validateWhenSignatureEntryWellFormedThenNoViolations() {
        ObjectNode object = StixJson.mapper().createObjectNode().put("type", "indicator");
        object.putObject("extensions").set(ExchangeExtensions.OBJECT_SIGNATURE_ID, TestSignatures.entry());
        assertThat(validator.validate(object)).isEmpty();
    }

    @Test
    void validateWhenSignatureHeaderLacksB64FalseThenRefused() {
        ObjectNode entry = TestSignatures.entry();
        ((ObjectNode) entry.get("signatures").get(0)).put("protected", TestSignatures.protectedHeader("{\"alg\":\"ES256\"}"));
        ObjectNode object = StixJson.mapper().createObjectNode().put("type", "indicator");
        object.putObject("extensions").set(ExchangeExtensions.OBJECT_SIGNATURE_ID, entry);
        assertThat(validator.validate(object)).extracting(StixViolation::message)
                .anySatisfy(m -> assertThat(m).contains("\"b64\": false"))
                .anySatisfy(m -> assertThat(m).contains("crit"));
    }

    @Test
    void validateWhenSignaturesEmptyOrPaddedThenRefused() {
        ObjectNode entry = TestSignatures.entry();
        ((ObjectNode) entry.get("signatures").get(0)).put("signature", "abc=");
        ObjectNode object = StixJson.mapper().createObjectNode().put("type", "indicator");
        object.putObject("extensions").set(ExchangeExtensions.OBJECT_SIGNATURE_ID, entry);
        assertThat(properties(validator.validate(object))).containsExactly(
                "extensions." + ExchangeExtensions.OBJECT_SIGNATURE_ID + ".signatures[0].signature");
        entry.putArray("signatures");
        assertThat(validator.validate(object)).singleElement().satisfies(v -> assertThat(v.message()).contains("non-empty"));
    }
}

package org.trilateral.taxonomy.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.persona.V2OprfP256;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.OasisSchemas;
import org.trilateral.taxonomy.vocabulary.FacilitatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

class ExchangeExtensionsTest {

    @Test
    void allWhenListedThenFiveDefinitionsWithFixedIdsOwnedByExchange() {
        List<ObjectNode> all = ExchangeExtensions.all();
        assertThat(all).extracting(d -> d.get("id").stringValue()).containsExactly(
                ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID, ExchangeExtensions.PERSONA_IDENTIFIER_ID,
                ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID, ExchangeExtensions.OBJECT_SIGNATURE_ID,
                ExchangeExtensions.DEVICE_IDENTIFIER_ID);
        for (ObjectNode definition : all) {
            assertThat(StixId.parse(definition.get("id").stringValue()).type()).isEqualTo("extension-definition");
            assertThat(definition.get("created_by_ref").stringValue()).isEqualTo(ExchangeIdentity.ID);
            assertThat(definition.get("version").stringValue()).matches("1\\.[0-9]+\\.0");
            assertThat(definition.get("schema").stringValue()).isNotBlank();
        }
        assertThat(ExchangeExtensions.byId(ExchangeExtensions.PERSONA_IDENTIFIER_ID).orElseThrow().get("version").stringValue()).isEqualTo("1.1.0");
        assertThat(ExchangeExtensions.byId(ExchangeExtensions.OBJECT_SIGNATURE_ID).orElseThrow().get("extension_types").get(0).stringValue())
                .isEqualTo("property-extension");
        assertThat(ExchangeExtensions.byId(ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID).orElseThrow().get("extension_types").get(0).stringValue())
                .isEqualTo("new-sco");
    }

    @Test
    void allWhenValidatedThenEachPassesOasisExtensionDefinitionSchema() {
        OasisSchemas schemas = OasisSchemas.load();
        for (ObjectNode definition : ExchangeExtensions.all()) {
            assertThat(schemas.errors("common/extension-definition.json", definition)).as(definition.get("name").stringValue()).isEmpty();
        }
    }

    @Test
    void oasisSchemaWhenVersionRemovedThenRefused() {
        ObjectNode definition = ExchangeExtensions.all().get(0);
        definition.remove("version");
        assertThat(OasisSchemas.load().errors("common/extension-definition.json", definition)).isNotEmpty();
    }

    @Test
    void allWhenMutatedThenLibraryCopyUnchanged() {
        ExchangeExtensions.all().get(0).put("name", "changed");
        assertThat(ExchangeExtensions.all().get(0).get("name").stringValue()).isEqualTo("cryptocurrency-wallet");
    }

    @Test
    void jsonSchemaWhenObjectsBuiltByLibraryThenTheyValidate() {
        OasisSchemas schemas = OasisSchemas.load();
        ObjectNode wallet = ExchangeObservables.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID).orElseThrow(), wallet)).isEmpty();
        ObjectNode persona = ExchangeObservables.personaIdentifier(new V1Sha256().digest(EmailIdentifiers.normalise("a@example.com")));
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.PERSONA_IDENTIFIER_ID).orElseThrow(), persona)).isEmpty();
        KeyEpoch epoch = new KeyEpoch(1);
        ObjectNode token = ExchangeObservables.personaIdentifier(
                PersonaTokenEvaluator.create(epoch, V2OprfP256.deriveKeyPair(new byte[32], epoch)).token(EmailIdentifiers.normalise("a@example.com")));
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.PERSONA_IDENTIFIER_ID).orElseThrow(), token)).isEmpty();
        token.put("digest", token.get("digest").stringValue().substring(2));
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.PERSONA_IDENTIFIER_ID).orElseThrow(), token)).isNotEmpty();
        persona.put("email", "a@example.com");
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.PERSONA_IDENTIFIER_ID).orElseThrow(), persona)).isNotEmpty();
        ObjectNode deviceSchema = ExchangeExtensions.jsonSchema(ExchangeExtensions.DEVICE_IDENTIFIER_ID).orElseThrow();
        ObjectNode serial = ExchangeObservables.deviceIdentifier(DeviceIdentifier.serial("apple", "C02XL0GTJGH5"));
        ObjectNode anydesk = ExchangeObservables.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123456789"));
        assertThat(schemas.errorsAgainst(deviceSchema, serial)).isEmpty();
        assertThat(schemas.errorsAgainst(deviceSchema, anydesk)).isEmpty();
        assertThat(schemas.errorsAgainst(deviceSchema, serial.deepCopy().without("manufacturer"))).isNotEmpty();
        assertThat(schemas.errorsAgainst(deviceSchema, anydesk.deepCopy().put("manufacturer", "apple"))).isNotEmpty();
        assertThat(schemas.errorsAgainst(deviceSchema, anydesk.deepCopy().put("value", "12345"))).isNotEmpty();
        ObjectNode infrastructure = StixJson.mapper().createObjectNode().put("type", "infrastructure");
        ExchangeObservables.addFacilitatorExtension(infrastructure, FacilitatorKind.VPN_EXIT, List.of("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"));
        assertThat(schemas.errorsAgainst(ExchangeExtensions.jsonSchema(ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID).orElseThrow(),
                infrastructure.at("/extensions/" + ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID))).isEmpty();
    }

    @Test
    void jsonSchemaWhenSignatureEntryWellFormedThenValidElseRefused() {
        OasisSchemas schemas = OasisSchemas.load();
        ObjectNode schema = ExchangeExtensions.jsonSchema(ExchangeExtensions.OBJECT_SIGNATURE_ID).orElseThrow();
        ObjectNode entry = TestSignatures.entry();
        assertThat(schemas.errorsAgainst(schema, entry)).isEmpty();
        ((ObjectNode) entry.get("signatures").get(0)).put("signature", "not base64url!");
        assertThat(schemas.errorsAgainst(schema, entry)).isNotEmpty();
    }

    @Test
    void isExchangeExtensionWhenOasisTlpExtensionThenFalse() {
        assertThat(ExchangeExtensions.isExchangeExtension(ExchangeExtensions.PERSONA_IDENTIFIER_ID)).isTrue();
        assertThat(ExchangeExtensions.isExchangeExtension("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")).isFalse();
    }
}

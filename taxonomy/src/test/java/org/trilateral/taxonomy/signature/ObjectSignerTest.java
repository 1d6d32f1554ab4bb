package org.trilateral.taxonomy.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ObjectSignerTest {

    private static final String EXTENSION_ID = TestSignedObjects.EXTENSION_ID;

    @Test
    void signWhenUnsignedObjectThenAddsPropertyExtensionWithOneDetachedJws() {
        SigningKey key = SigningKey.generate();

        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());

        JsonNode extension = signed.get("extensions").get(EXTENSION_ID);
        assertThat(extension.get("extension_type").stringValue()).isEqualTo("property-extension");
        assertThat(extension.get("signatures")).hasSize(1);
        JsonNode jws = extension.get("signatures").get(0);
        assertThat(jws.propertyNames()).containsExactly("protected", "signature");
        JsonNode header = StixJson.mapper().readTree(Base64Url.decode(jws.get("protected").stringValue(), "header"));
        assertThat(header.toString())
                .isEqualTo("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"" + key.kid() + "\"}");
    }

    @Test
    void signWhenSignedThenSignatureIsOverCanonicalObjectWithoutExtension() {
        SigningKey key = SigningKey.generate();
        ObjectNode unsigned = TestSignedObjects.indicator();
        byte[] canonical = JsonCanonicalizer.canonicalize(unsigned);

        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(unsigned.deepCopy());

        JsonNode jws = signed.get("extensions").get(EXTENSION_ID).get("signatures").get(0);
        byte[] signingInput = (jws.get("protected").stringValue() + "."
                + new String(canonical, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(key.publicKey().verify(signingInput,
                Base64Url.decode(jws.get("signature").stringValue(), "signature"))).isTrue();
    }

    @Test
    void signWhenAlreadySignedThenKeepsExistingSignatureAndAppends() {
        SigningKey first = SigningKey.generate(JwsAlgorithm.EDDSA);
        SigningKey second = SigningKey.generate(JwsAlgorithm.ES256);
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, first).sign(TestSignedObjects.indicator());
        JsonNode firstSignature = signed.get("extensions").get(EXTENSION_ID).get("signatures").get(0).deepCopy();

        new ObjectSigner(EXTENSION_ID, second).sign(signed);

        JsonNode signatures = signed.get("extensions").get(EXTENSION_ID).get("signatures");
        assertThat(signatures).hasSize(2);
        assertThat(signatures.get(0)).isEqualTo(firstSignature);
    }

    @Test
    void signWhenOtherExtensionsPresentThenTheyStayAndAreSigned() {
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, SigningKey.generate())
                .sign(TestSignedObjects.indicatorWithOtherExtension());

        assertThat(signed.get("extensions").propertyNames())
                .containsExactlyInAnyOrder(TestSignedObjects.OTHER_EXTENSION_ID, EXTENSION_ID);
    }

    @Test
    void signWhenExistingExtensionMalformedThenRefused() {
        ObjectNode indicator = TestSignedObjects.indicator();
        indicator.putObject("extensions").put(EXTENSION_ID, "not an object");

        assertThatThrownBy(() -> new ObjectSigner(EXTENSION_ID, SigningKey.generate()).sign(indicator))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EXTENSION_ID)
                .hasMessageContaining("\"signatures\" array");
    }

    @Test
    void constructWhenExtensionIdNotExtensionDefinitionThenRefused() {
        assertThatThrownBy(() -> new ObjectSigner("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                SigningKey.generate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an extension-definition id");
    }
}

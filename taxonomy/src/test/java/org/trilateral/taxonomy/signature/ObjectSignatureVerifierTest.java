package org.trilateral.taxonomy.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trilateral.integrity.jws.Base64Url;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ObjectSignatureVerifierTest {

    private static final String EXTENSION_ID = TestSignedObjects.EXTENSION_ID;
    private final ObjectSignatureVerifier verifier = new ObjectSignatureVerifier(EXTENSION_ID);

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void verifyWhenSignedThenVerifiedByTheKid(JwsAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());

        ObjectVerification result = verifier.verify(signed, new TestSignedObjects.Registry().with(key));

        assertThat(result.status()).isEqualTo(ObjectVerification.Status.CHECKED);
        assertThat(result.allVerified()).isTrue();
        assertThat(result.verifiedBy(key.kid())).isTrue();
        assertThat(result.signatures().get(0).kid()).contains(key.kid());
    }

    @Test
    void verifyWhenReceivedAsBytesThenVerifiedWithoutReserialisingAModel() {
        SigningKey key = SigningKey.generate();
        String wire = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicatorWithOtherExtension())
                .toPrettyString();

        ObjectVerification result = verifier.verify(wire.getBytes(StandardCharsets.UTF_8),
                new TestSignedObjects.Registry().with(key));

        assertThat(result.allVerified()).isTrue();
    }

    @Test
    void verifyWhenAnyByteOfObjectTamperedThenBadSignature() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        TestSignedObjects.Registry keys = new TestSignedObjects.Registry().with(key);

        for (String member : new String[] {"name", "pattern", "modified", "id"}) {
            ObjectNode tampered = signed.deepCopy();
            String value = tampered.get(member).stringValue();
            char last = value.charAt(value.length() - 1);
            tampered.put(member, value.substring(0, value.length() - 1) + (char) (last ^ 1));

            assertThat(outcome(verifier.verify(tampered, keys))).as(member).isEqualTo(SignatureOutcome.BAD_SIGNATURE);
        }
        ObjectNode numberChanged = signed.deepCopy().put("confidence", 86);
        assertThat(outcome(verifier.verify(numberChanged, keys))).isEqualTo(SignatureOutcome.BAD_SIGNATURE);
        ObjectNode memberAdded = signed.deepCopy().put("description", "added");
        assertThat(outcome(verifier.verify(memberAdded, keys))).isEqualTo(SignatureOutcome.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenAnyByteOfSignatureTamperedThenRefused() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        String signature = signatures(signed).get(0).get("signature").stringValue();
        byte[] raw = Base64Url.decode(signature, "signature");

        for (int i = 0; i < raw.length; i++) {
            byte[] flipped = raw.clone();
            flipped[i] ^= 0x01;
            ObjectNode tampered = signed.deepCopy();
            ((ObjectNode) signatures(tampered).get(0)).put("signature", Base64Url.encode(flipped));

            assertThat(verifier.verify(tampered, new TestSignedObjects.Registry().with(key)).anyVerified())
                    .as("byte %d", i).isFalse();
        }
    }

    @Test
    void verifyWhenSignatureMovedToAnotherObjectThenBadSignature() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        ObjectNode other = TestSignedObjects.indicator().put("id", "indicator--0b1c6c2e-1b5f-4c7d-9a40-5f2b6e0a9c11");
        other.set("extensions", signed.get("extensions").deepCopy());

        assertThat(outcome(verifier.verify(other, new TestSignedObjects.Registry().with(key))))
                .isEqualTo(SignatureOutcome.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenNewVersionCarriesOldSignatureThenBadSignature() {
        SigningKey key = SigningKey.generate();
        ObjectNode version1 = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        ObjectNode version2 = version1.deepCopy().put("modified", "2026-11-03T10:00:00.000Z");

        assertThat(outcome(verifier.verify(version2, new TestSignedObjects.Registry().with(key))))
                .isEqualTo(SignatureOutcome.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenKidUnknownThenUnknownKidAndOtherSignaturesStillChecked() {
        SigningKey known = SigningKey.generate();
        SigningKey stranger = SigningKey.generate(JwsAlgorithm.ES256);
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, stranger).sign(TestSignedObjects.indicator());
        new ObjectSigner(EXTENSION_ID, known).sign(signed);

        ObjectVerification result = verifier.verify(signed, new TestSignedObjects.Registry().with(known));

        assertThat(result.signatures()).extracting(SignatureCheck::outcome)
                .containsExactly(SignatureOutcome.UNKNOWN_KID, SignatureOutcome.VERIFIED);
        assertThat(result.signatures().get(0).message()).contains(stranger.kid());
        assertThat(result.anyVerified()).isTrue();
        assertThat(result.allVerified()).isFalse();
    }

    @Test
    void verifyWhenAlgNotAcceptedThenUnsupportedAlg() {
        ObjectNode signed = withHeader("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\"}");

        assertThat(outcome(verifier.verify(signed, kid -> Optional.empty())))
                .isEqualTo(SignatureOutcome.UNSUPPORTED_ALG);
    }

    @Test
    void verifyWhenAlgNoneThenUnsupportedAlg() {
        ObjectNode signed = withHeader("{\"alg\":\"none\",\"kid\":\"k\"}");

        assertThat(outcome(verifier.verify(signed, kid -> Optional.empty())))
                .isEqualTo(SignatureOutcome.UNSUPPORTED_ALG);
    }

    @Test
    void verifyWhenAlgDoesNotMatchKeyThenBadSignature() {
        SigningKey key = SigningKey.generate(JwsAlgorithm.EDDSA);
        ObjectNode signed = withHeader("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\""
                + key.kid() + "\"}");

        ObjectVerification result = verifier.verify(signed, new TestSignedObjects.Registry().with(key));

        assertThat(outcome(result)).isEqualTo(SignatureOutcome.BAD_SIGNATURE);
        assertThat(result.signatures().get(0).message()).contains("claims alg ES256");
    }

    @Test
    void verifyWhenB64MissingOrNotCriticalThenMalformed() {
        assertThat(outcome(verifier.verify(withHeader("{\"alg\":\"EdDSA\",\"kid\":\"k\"}"), kid -> Optional.empty())))
                .isEqualTo(SignatureOutcome.MALFORMED);
        assertThat(outcome(verifier.verify(withHeader("{\"alg\":\"EdDSA\",\"b64\":false,\"kid\":\"k\"}"),
                kid -> Optional.empty()))).isEqualTo(SignatureOutcome.MALFORMED);
        assertThat(outcome(verifier.verify(
                withHeader("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\",\"exp\"],\"kid\":\"k\"}"),
                kid -> Optional.empty()))).isEqualTo(SignatureOutcome.MALFORMED);
    }

    @Test
    void verifyWhenHeaderHasDuplicateMemberThenMalformed() {
        ObjectNode signed = withHeader(
                "{\"alg\":\"EdDSA\",\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"k\"}");

        assertThat(outcome(verifier.verify(signed, kid -> Optional.empty()))).isEqualTo(SignatureOutcome.MALFORMED);
    }

    @Test
    void verifyWhenProtectedNotBase64UrlThenMalformedNamingTheEntry() {
        ObjectNode signed = withHeader("{}");
        ((ObjectNode) signatures(signed).get(0)).put("protected", "eyJ+/==");

        ObjectVerification result = verifier.verify(signed, kid -> Optional.empty());

        assertThat(outcome(result)).isEqualTo(SignatureOutcome.MALFORMED);
        assertThat(result.signatures().get(0).message()).contains("signatures[0].protected");
    }

    @Test
    void verifyWhenObjectHasDuplicateMemberNamesThenNotCanonicalizable() {
        SigningKey key = SigningKey.generate();
        String signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator()).toString();
        String duplicated = signed.replaceFirst("\"name\":", "\"name\":\"Other\",\"name\":");

        ObjectVerification result = verifier.verify(duplicated.getBytes(StandardCharsets.UTF_8),
                new TestSignedObjects.Registry().with(key));

        assertThat(result.status()).isEqualTo(ObjectVerification.Status.NOT_CANONICALIZABLE);
        assertThat(result.message()).contains("name");
        assertThat(result.anyVerified()).isFalse();
    }

    @Test
    void verifyWhenNumberOutsideIJsonThenNotCanonicalizable() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        String wire = signed.toString().replace("\"confidence\":85", "\"confidence\":1e999");

        ObjectVerification result = verifier.verify(wire.getBytes(StandardCharsets.UTF_8),
                new TestSignedObjects.Registry().with(key));

        assertThat(result.status()).isEqualTo(ObjectVerification.Status.NOT_CANONICALIZABLE);
        assertThat(result.message()).contains("1E+999");
    }

    @Test
    void verifyWhenNoExtensionThenNoSignature() {
        ObjectVerification result = verifier.verify(TestSignedObjects.indicator(), kid -> Optional.empty());

        assertThat(result.status()).isEqualTo(ObjectVerification.Status.NO_SIGNATURE);
        assertThat(result.anyVerified()).isFalse();
    }

    @Test
    void verifyWhenExtensionCarriesUnsignedMemberThenMalformedExtension() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        ((ObjectNode) signed.get("extensions").get(EXTENSION_ID)).put("smuggled", "unsigned");

        ObjectVerification result = verifier.verify(signed, new TestSignedObjects.Registry().with(key));

        assertThat(result.status()).isEqualTo(ObjectVerification.Status.MALFORMED_EXTENSION);
        assertThat(result.message()).contains("\"smuggled\"");
    }

    @Test
    void verifyWhenCalledThenInputNotModified() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(EXTENSION_ID, key).sign(TestSignedObjects.indicator());
        ObjectNode before = signed.deepCopy();

        verifier.verify(signed, new TestSignedObjects.Registry().with(key));

        assertThat(signed).isEqualTo(before);
    }

    private static ObjectNode withHeader(String headerJson) {
        ObjectNode indicator = TestSignedObjects.indicator();
        ObjectNode extension = indicator.putObject("extensions").putObject(EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("signatures").addObject()
                .put("protected", Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)))
                .put("signature", Base64Url.encode(new byte[64]));
        return indicator;
    }

    private static ArrayNode signatures(ObjectNode signed) {
        return (ArrayNode) signed.get("extensions").get(EXTENSION_ID).get("signatures");
    }

    private static SignatureOutcome outcome(ObjectVerification result) {
        assertThat(result.status()).as(result.message()).isEqualTo(ObjectVerification.Status.CHECKED);
        return result.signatures().get(0).outcome();
    }
}

package org.trilateral.integrity.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class SigningKeyTest {

    /** RFC 8037 Appendix A.1. */
    static final String RFC8037_PRIVATE_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    private static final byte[] MESSAGE = "indicator".getBytes(StandardCharsets.UTF_8);

    @Test
    void signWhenRfc8037AppendixA4InputThenPublishedSignature() {
        SigningKey key = SigningKey.parse(RFC8037_PRIVATE_JWK);

        byte[] signature = key.sign("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(Base64Url.encode(signature)).isEqualTo(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
        assertThat(key.kid()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void toPrivateJsonWhenParsedBackThenSignsForTheSamePublicKey(JwsAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);

        SigningKey imported = SigningKey.fromJson(key.toPrivateJson());

        assertThat(imported.publicKey()).isEqualTo(key.publicKey());
        assertThat(imported.algorithm()).isEqualTo(algorithm);
        assertThat(key.publicKey().verify(MESSAGE, imported.sign(MESSAGE))).isTrue();
    }

    @Test
    void signWhenEd25519ThenJdkVerifies() throws Exception {
        SigningKey key = SigningKey.generate(JwsAlgorithm.EDDSA);
        byte[] x = Base64Url.decode(key.publicKey().toJson().get("x").stringValue(), "x");
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(x))));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey);
        jdk.update(MESSAGE);

        assertThat(jdk.verify(key.sign(MESSAGE))).isTrue();
    }

    @Test
    void signWhenEs256ThenJdkVerifiesRawRAndS() throws Exception {
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        ObjectNode jwk = key.publicKey().toJson();
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(new BigInteger(1, Base64Url.decode(jwk.get("x").stringValue(), "x")),
                new BigInteger(1, Base64Url.decode(jwk.get("y").stringValue(), "y")));
        PublicKey jdkKey = KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(w, parameters.getParameterSpec(ECParameterSpec.class)));
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(jdkKey);
        jdk.update(MESSAGE);

        byte[] signature = key.sign(MESSAGE);

        assertThat(signature).hasSize(64);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void signWhenEs256ThenDeterministic() {
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);

        assertThat(key.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
    }

    @Test
    void fromJsonWhenPublicMembersBelongToAnotherKeyThenRefused() {
        ObjectNode jwk = SigningKey.generate().toPrivateJson();
        jwk.put("x", SigningKey.generate().publicKey().toJson().get("x").stringValue());

        assertThatThrownBy(() -> SigningKey.fromJson(jwk))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("do not belong to its \"d\"");
    }

    @Test
    void fromJsonWhenDMissingThenRefusedNamingIt() {
        assertThatThrownBy(() -> SigningKey.parse(JwkTest.RFC8037_PUBLIC_JWK))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("\"d\" is missing");
    }

    @Test
    void toStringWhenPrintedThenNoPrivateKey() {
        SigningKey key = SigningKey.parse(RFC8037_PRIVATE_JWK);

        assertThat(key.toString()).doesNotContain("nWGxne").contains(key.kid());
    }
}

package org.trilateral.integrity.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class JwkTest {

    /** RFC 8037 Appendix A.2, the public part of the A.1 key. */
    static final String RFC8037_PUBLIC_JWK =
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

    @Test
    void thumbprintWhenRfc8037AppendixA3KeyThenPublishedThumbprint() {
        // RFC 8037 A.3 computes the RFC 7638 thumbprint of the A.2 key.
        assertThat(Jwk.parse(RFC8037_PUBLIC_JWK).thumbprint()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void verifyWhenRfc8037AppendixA4SignatureThenValid() {
        byte[] signingInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64Url.decode(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg", "sig");

        Jwk key = Jwk.parse(RFC8037_PUBLIC_JWK);

        assertThat(key.verify(signingInput, signature)).isTrue();
        signature[10] ^= 1;
        assertThat(key.verify(signingInput, signature)).isFalse();
    }

    @Test
    void toJsonWhenParsedBackThenSameKey() {
        Jwk ed25519 = SigningKey.generate(JwsAlgorithm.EDDSA).publicKey();
        Jwk p256 = SigningKey.generate(JwsAlgorithm.ES256).publicKey();

        assertThat(Jwk.fromJson(ed25519.toJson())).isEqualTo(ed25519);
        assertThat(Jwk.fromJson(p256.toJson())).isEqualTo(p256);
        assertThat(p256.toJson().get("kid").stringValue()).isEqualTo(p256.thumbprint());
        assertThat(p256.toJson().propertyNames()).containsExactly("kty", "crv", "x", "y", "kid");
    }

    @Test
    void verifyWhenJdkSignsEs256ThenValid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey jdkPublic = (ECPublicKey) pair.getPublic();
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initSign(pair.getPrivate());
        byte[] message = "cross-check".getBytes(StandardCharsets.UTF_8);
        jdk.update(message);
        byte[] signature = jdk.sign();

        Jwk key = Jwk.p256(fieldBytes(jdkPublic.getW().getAffineX()), fieldBytes(jdkPublic.getW().getAffineY()));

        assertThat(key.verify(message, signature)).isTrue();
    }

    @Test
    void parseWhenPrivateMemberPresentThenRefused() {
        String withD = SigningKey.generate().toPrivateJson().toString();

        assertThatThrownBy(() -> Jwk.parse(withD))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("\"d\"");
    }

    @Test
    void parseWhenRsaKeyThenRefusedAsUnsupported() {
        assertThatThrownBy(() -> Jwk.parse("{\"kty\":\"RSA\",\"crv\":\"none\",\"n\":\"AQAB\",\"e\":\"AQAB\"}"))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("unsupported JWK key type \"RSA\"");
    }

    @Test
    void parseWhenEcPointNotOnCurveThenRefused() {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        x[31] = 1;
        y[31] = 1;

        assertThatThrownBy(() -> Jwk.p256(x, y))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("not a point of P-256");
    }

    @Test
    void parseWhenCoordinateShortThenRefusedNamingMember() {
        assertThatThrownBy(() -> Jwk.p256(new byte[31], new byte[32]))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("\"x\" is 31 bytes");
    }

    @Test
    void parseWhenPaddedBase64ThenRefused() {
        assertThatThrownBy(() -> Jwk.parse(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"}"))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("not unpadded base64url");
    }

    @Test
    void parseWhenDuplicateMemberThenRefused() {
        assertThatThrownBy(() -> Jwk.parse(
                "{\"kty\":\"OKP\",\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                        + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}"))
                .isInstanceOf(JwkFormatException.class)
                .hasMessageContaining("kty");
    }

    private static byte[] fieldBytes(BigInteger coordinate) {
        return BigIntegers.asUnsignedByteArray(32, coordinate);
    }
}

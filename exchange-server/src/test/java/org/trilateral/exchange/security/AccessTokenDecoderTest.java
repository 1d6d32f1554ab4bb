package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.trilateral.exchange.support.TestIdentityProvider;
import org.trilateral.taxonomy.marking.Tlp;
import reactor.core.publisher.Flux;

/** Unit tests of one issuer's decoder: every refusal with its reason, without Spring or HTTP. */
class AccessTokenDecoderTest {

    private static final String ISSUER = "https://idp.example.jp/realms/jp";
    private static final String AUDIENCE = "trilateral-exchange";

    private final ECKey key = TestIdentityProvider.newKey();
    private final AccessTokenDecoder decoder = TrustedIssuers.decoder(
            new SecurityProperties.Issuer("jp", ISSUER, null, AUDIENCE, "sub", null, null),
            new SecurityProperties(List.of(), Duration.ofSeconds(30), Tlp.AMBER, Duration.ZERO, Duration.ofMinutes(15), Duration.ofSeconds(5)),
            jwt -> Flux.fromIterable(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()))
                    .select(new JWKSet((JWK) key.toPublicJWK()))), Clock.systemUTC());

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("jp-agency").audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private String refusal(String token) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(BadJwtException.class)
                .satisfies(e -> failure[0] = e);
        return failure[0].getMessage();
    }

    @Test
    void decodeWhenValidThenClaimsAvailable() {
        Jwt jwt = decoder.decode(TestIdentityProvider.sign(key, claims().build())).block();
        assertThat(jwt.getSubject()).isEqualTo("jp-agency");
    }

    @Test
    void decodeWhenSignedByAnotherKeyWithSameKidThenSignatureRefused() {
        ECKey impostor = new ECKey.Builder(TestIdentityProvider.newKey()).keyID(key.getKeyID()).build();
        assertThat(refusal(TestIdentityProvider.sign(impostor, claims().build()))).contains("signature does not verify");
    }

    @Test
    void decodeWhenKidUnknownThenRefusedNamingTheKid() {
        assertThat(refusal(TestIdentityProvider.sign(TestIdentityProvider.newKey(), claims().build()))).contains("key id");
    }

    @Test
    void decodeWhenExpiredBeyondSkewThenRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = TestIdentityProvider.sign(key, claims().issueTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build());
        assertThat(refusal(token)).contains("expired");
    }

    @Test
    void decodeWhenExpiredWithinSkewThenAccepted() {
        Instant now = Instant.now();
        String token = TestIdentityProvider.sign(key, claims().issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(10))).build());
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("jp-agency");
    }

    @Test
    void decodeWhenNotYetValidThenRefused() {
        String token = TestIdentityProvider.sign(key, claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(1200))).build());
        assertThat(refusal(token)).contains("used before");
    }

    @Test
    void decodeWhenAudienceIsAnotherServiceThenRefused() {
        assertThat(refusal(TestIdentityProvider.sign(key, claims().audience("another-service").build())))
                .contains("audience").contains("trilateral-exchange");
    }

    @Test
    void decodeWhenNoExpiryThenRefused() {
        assertThat(refusal(TestIdentityProvider.sign(key, claims().expirationTime(null).build()))).contains("exp");
    }

    @Test
    void decodeWhenIssuerClaimDiffersThenRefused() {
        assertThat(refusal(TestIdentityProvider.sign(key, claims().issuer("https://evil.example").build()))).contains("iss");
    }

    @Test
    void decodeWhenAlgNoneThenRefused() {
        assertThat(refusal(new PlainJWT(claims().build()).serialize())).contains("alg none");
    }

    @Test
    void decodeWhenHmacSignedWithThePublicKeyThenRefused() throws Exception {
        // The classic key-confusion attack: HS256 with the provider's public key as the shared secret.
        byte[] secret = key.toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims().build());
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        assertThat(refusal(jwt.serialize())).contains("HS256").contains("asymmetric");
    }

    @Test
    void decodeWhenNotAJwtThenRefused() {
        assertThat(refusal("not-a-token")).contains("not a JWT");
    }

    @Test
    void decodeWhenSignatureBytesTamperedThenRefused() {
        String[] parts = TestIdentityProvider.sign(key, claims().build()).split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(claims().subject("us-agency").build().toString()) + "." + parts[2];
        assertThat(refusal(tampered)).contains("signature does not verify");
    }
}

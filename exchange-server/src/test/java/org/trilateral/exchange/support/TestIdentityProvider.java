package org.trilateral.exchange.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A national identity provider played by WireMock: OIDC discovery ({@code /realms/{realm}/.well-known/openid-configuration})
 * and its key set, with ES256 keys held here so tests mint its tokens. It can rotate its key and go down.
 */
public final class TestIdentityProvider implements AutoCloseable {

    /** The audience every test issuer is configured with. */
    public static final String AUDIENCE = "trilateral-exchange";

    private final WireMockServer server;
    private final String realm;
    private final List<ECKey> published = new ArrayList<>();
    private ECKey signing;

    private TestIdentityProvider(String realm) {
        this.realm = realm;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        this.signing = newKey();
        published.add(signing);
        serve();
    }

    public static TestIdentityProvider start(String realm) {
        return new TestIdentityProvider(realm);
    }

    public String realm() {
        return realm;
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + server.port() + "/realms/" + realm;
    }

    public ECKey signingKey() {
        return signing;
    }

    /** A valid access token for {@code subject}. */
    public String token(String subject) {
        return token(subject, UnaryOperator.identity());
    }

    /** A token for {@code subject} whose claims the test changes, signed with the current key. */
    public String token(String subject, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(signing, claims.apply(claims(subject)).build());
    }

    /** The claims of a valid token: issuer, subject, audience, issued now, valid for an hour. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuerUri())
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signs {@code claims} with {@code key} (ES256, its key id in the header). */
    public static String sign(ECKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A new ES256 key with a random key id, not published. */
    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key rotation: a new signing key, published alongside the old one, signs from now on. */
    public ECKey rotate() {
        signing = newKey();
        published.add(signing);
        serve();
        return signing;
    }

    /** The provider withdraws every key but the current signing key from its key set. */
    public void retireOldKeys() {
        published.retainAll(List.of(signing));
        serve();
    }

    /** The provider goes down: every request to it fails at the connection. */
    public void down() {
        server.resetAll();
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The provider is back. */
    public void up() {
        serve();
    }

    /** How many times the exchange fetched the key set. */
    public int keySetFetches() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(jwksPath()))).size();
    }

    private String jwksPath() {
        return "/realms/" + realm + "/protocol/openid-connect/certs";
    }

    private void serve() {
        server.resetMappings();
        String discovery = "{\"issuer\":\"" + issuerUri() + "\",\"jwks_uri\":\"http://127.0.0.1:" + server.port() + jwksPath()
                + "\",\"id_token_signing_alg_values_supported\":[\"ES256\"]}";
        server.stubFor(get(urlEqualTo("/realms/" + realm + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(discovery)));
        JWKSet keys = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
        server.stubFor(get(urlEqualTo(jwksPath()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(keys.toString(true))));
    }

    @Override
    public void close() {
        server.stop();
    }
}

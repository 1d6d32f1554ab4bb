package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestIdentityProvider;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from three national identity providers (played by WireMock): the US and Japanese ones found through OIDC
 * discovery, the Korean one with its key set URI configured and client-credentials tokens whose {@code azp} names
 * the member. Every refusal is a 401 with the TAXII error body and a Bearer challenge that says why.
 */
class FederatedTokensTest extends ExchangeIntegrationTest {

    private static final TestIdentityProvider US = TestIdentityProvider.start("us");
    private static final TestIdentityProvider JP = TestIdentityProvider.start("jp");
    private static final TestIdentityProvider KR = TestIdentityProvider.start("kr");

    @DynamicPropertySource
    static void issuers(DynamicPropertyRegistry registry) {
        issuer(registry, 1, "us", US.issuerUri(), null, null);
        issuer(registry, 2, "jp", JP.issuerUri(), null, null);
        registry.add("exchange.security.issuers[2].roles-claim", () -> "realm_access.roles");
        issuer(registry, 3, "kr", KR.issuerUri(), KR.issuerUri() + "/protocol/openid-connect/certs", "azp");
    }

    private static void issuer(DynamicPropertyRegistry registry, int index, String name, String uri, String jwks, String memberClaim) {
        String prefix = "exchange.security.issuers[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "issuer-uri", () -> uri);
        registry.add(prefix + "audience", () -> TestIdentityProvider.AUDIENCE);
        if (jwks != null) {
            registry.add(prefix + "jwk-set-uri", () -> jwks);
        }
        if (memberClaim != null) {
            registry.add(prefix + "member-claim", () -> memberClaim);
        }
    }

    @AfterAll
    static void stopProviders() {
        US.close();
        JP.close();
        KR.close();
    }

    @BeforeEach
    void registerAgencies() {
        registerOnce("us-agency", "US", "us", "3f1c0e7a-us-subject");
        registerOnce("jp-agency", "JP", "jp", "jp-agency-user");
        registerOnce("kr-agency", "KR", "kr", "kr-agency-client");
    }

    private void registerOnce(String id, String nation, String issuer, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", id);
        body.put("nation", nation);
        body.put("sector", "government");
        body.put("roles", List.of("consumer", "publisher"));
        body.put("subjects", List.of(Map.of("issuer", issuer, "subject", subject)));
        client().post().uri("/admin/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body)).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }

    private WebTestClient.ResponseSpec collections(String token) {
        return new Taxii(clientWithToken(token)).get(Taxii.ROOT + "collections/");
    }

    private void assertRefused(String token, String reasonFragment) {
        collections(token).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Content-Type", "application/taxii+json;version=2.1")
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer ").contains("error=\"invalid_token\"").contains(reasonFragment))
                .expectBody()
                .jsonPath("$.http_status").isEqualTo("401")
                .jsonPath("$.description").value(d -> assertThat((String) d).contains(reasonFragment));
    }

    @Test
    void tokenWhenFromEachNationalProviderThenMemberServed() {
        collections(US.token("3f1c0e7a-us-subject")).expectStatus().isOk();
        collections(JP.token("jp-agency-user")).expectStatus().isOk();
        collections(KR.token("service-account-uuid", c -> c.claim("azp", "kr-agency-client"))).expectStatus().isOk();
    }

    @Test
    void requestWhenNoTokenThen401WithBareChallenge() {
        new Taxii(anonymousClient()).get("/taxii2/").expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"trilateral-exchange\"")
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d).contains("no bearer token"));
    }

    @Test
    void tokenWhenIssuerUnknownThen401() {
        TestIdentityProvider stranger = TestIdentityProvider.start("stranger");
        try {
            assertRefused(stranger.token("3f1c0e7a-us-subject"), "issuer is not one this exchange trusts");
        } finally {
            stranger.close();
        }
    }

    @Test
    void tokenWhenIssuerClaimNamesTrustedIssuerButSignedElsewhereThen401() {
        ECKey foreign = TestIdentityProvider.newKey();
        assertRefused(TestIdentityProvider.sign(foreign, US.claims("3f1c0e7a-us-subject").build()), "key id");
    }

    @Test
    void tokenWhenSignatureDoesNotVerifyThen401() {
        ECKey impostor = new ECKey.Builder(TestIdentityProvider.newKey()).keyID(US.signingKey().getKeyID()).build();
        assertRefused(TestIdentityProvider.sign(impostor, US.claims("3f1c0e7a-us-subject").build()), "signature does not verify");
    }

    @Test
    void tokenWhenExpiredThen401() {
        Instant past = Instant.now().minusSeconds(7200);
        assertRefused(JP.token("jp-agency-user", c -> c.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))), "expired");
    }

    @Test
    void tokenWhenNotYetValidThen401() {
        Instant later = Instant.now().plusSeconds(3600);
        assertRefused(JP.token("jp-agency-user", c -> c.notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(600)))), "used before");
    }

    @Test
    void tokenWhenAudienceIsAnotherServiceThen401() {
        assertRefused(JP.token("jp-agency-user", c -> c.audience("payroll-service")), "audience");
    }

    @Test
    void tokenWhenAlgNoneThen401() {
        assertRefused(new PlainJWT(US.claims("3f1c0e7a-us-subject").build()).serialize(), "alg none");
    }

    @Test
    void tokenWhenHmacSignedWithProvidersPublicKeyThen401() throws Exception {
        byte[] publicKey = US.signingKey().toPublicJWK().toJSONString().getBytes();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(US.signingKey().getKeyID())
                .type(JOSEObjectType.JWT).build(), US.claims("3f1c0e7a-us-subject").build());
        forged.sign(new MACSigner(publicKey));
        assertRefused(forged.serialize(), "HS256");
    }

    @Test
    void tokenWhenKeyIdUnknownAfterRefetchThen401AndKeySetWasRefetched() {
        collections(JP.token("jp-agency-user")).expectStatus().isOk();
        int before = JP.keySetFetches();
        ECKey unpublished = TestIdentityProvider.newKey();
        assertRefused(TestIdentityProvider.sign(unpublished, JP.claims("jp-agency-user").build()), unpublished.getKeyID());
        assertThat(JP.keySetFetches()).isEqualTo(before + 1);
    }

    @Test
    void tokenWhenProviderRotatedItsKeyThenFollowedWithoutRestart() {
        collections(US.token("3f1c0e7a-us-subject")).expectStatus().isOk();
        US.rotate();
        collections(US.token("3f1c0e7a-us-subject")).expectStatus().isOk();
    }

    @Test
    void tokenWhenProviderDownAndKeyKnownThenStillAccepted() {
        collections(KR.token("sa", c -> c.claim("azp", "kr-agency-client"))).expectStatus().isOk();
        KR.down();
        try {
            collections(KR.token("sa", c -> c.claim("azp", "kr-agency-client"))).expectStatus().isOk();
            // A key it never saw cannot be fetched while the provider is down: refused, not a 500.
            ECKey unpublished = TestIdentityProvider.newKey();
            assertRefused(TestIdentityProvider.sign(unpublished, KR.claims("sa").claim("azp", "kr-agency-client").build()),
                    "key id");
        } finally {
            KR.up();
        }
    }

    @Test
    void tokenWhenSubjectNotRegisteredThen401() {
        assertRefused(US.token("someone-else"), "no member is registered");
    }

    @Test
    void tokenWhenMemberClaimMissingThen401NamingTheClaim() {
        assertRefused(KR.token("sa"), "'azp' claim");
    }

    @Test
    void tokenWhenMemberSuspendedThenRefusedAtOnceAndAcceptedAfterReinstatement() {
        String token = JP.token("jp-agency-user");
        collections(token).expectStatus().isOk();
        client().post().uri("/admin/members/jp-agency/suspend").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("suspended");
        assertRefused(token, "suspended");
        client().post().uri("/admin/members/jp-agency/reinstate").exchange().expectStatus().isOk();
        collections(token).expectStatus().isOk();
    }

    @Test
    void rolesClaimWhenConfiguredThenNarrowsButNeverWidensRegisteredRoles() {
        String consumerOnly = JP.token("jp-agency-user", c -> c.claim("realm_access", Map.of("roles", List.of("consumer"))));
        JsonNode indicators = new Taxii(clientWithToken(consumerOnly)).getJson(Taxii.INDICATORS);
        assertThat(indicators.get("can_read").asBoolean()).isTrue();
        assertThat(indicators.get("can_write").asBoolean()).isFalse();
        String claimsAdmin = JP.token("jp-agency-user",
                c -> c.claim("realm_access", Map.of("roles", List.of("consumer", "publisher", "admin"))));
        assertThat(new Taxii(clientWithToken(claimsAdmin)).getJson(Taxii.INDICATORS).get("can_write").asBoolean()).isTrue();
        clientWithToken(claimsAdmin).get().uri("/admin/members").exchange().expectStatus().isForbidden();
    }

    @Test
    void tokenWhenGarbageThen401() {
        assertRefused("not." + UUID.randomUUID() + ".a-token", "");
    }
}

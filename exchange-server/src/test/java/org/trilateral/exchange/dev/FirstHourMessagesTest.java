package org.trilateral.exchange.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;

/**
 * What a new user meets in the first hour, in development mode: every refusal says what to do next (issue 15,
 * "a smoother first hour").
 */
class FirstHourMessagesTest {

    private static ConfigurableApplicationContext exchange;
    private static WebTestClient client;

    @BeforeAll
    static void startInDevelopmentMode() {
        exchange = new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true",
                        "--exchange.database.url=" + TestDatabase.newDatabaseUrl(),
                        "--exchange.database.username=postgres",
                        "--exchange.database.password=postgres");
        int port = ((WebServerApplicationContext) exchange).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static WebTestClient as(String member) {
        byte[] body = client.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("member=" + member).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String token = TestStix.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)).get("access_token").asString();
        return client.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    @Test
    void devTokenWhenGetThen405AllowPostWithHowToAsk() {
        client.get().uri("/dev/token").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("POST", "member=jp-agency"));
    }

    @Test
    void taxiiWhenTokenSignedBeforeARestartThen401SayingToAskAgain() throws Exception {
        // A token as the previous run issued it: the same issuer, signed by the key of that run.
        ECKey previousRunKey = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(previousRunKey.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(DevIdentityProvider.ISSUER_URI).subject("jp-agency")
                        .audience(DevIdentityProvider.AUDIENCE).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600))).build());
        jwt.sign(new ECDSASigner(previousRunKey));
        new Taxii(client.mutate().defaultHeader("Authorization", "Bearer " + jwt.serialize()).build())
                .get("/taxii2/").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d)
                        .contains("the exchange restarted", "ask POST /dev/token again"));
    }

    @Test
    void anyRouteWhenAuthorizationHeaderIsNotBearerThen401SayingTheScheme() {
        client.get().uri("/admin/members").header("Authorization", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h).contains("invalid_request"))
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("must be 'Bearer <access token>'").doesNotContain("eyJ"));
    }

    @Test
    void adminApiWhenMemberLacksTheRoleThen403NamingIt() {
        as("jp-agency").get().uri("/admin/members").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("needs the 'admin' role"));
    }

    @Test
    void referenceCollectionWhenPostedToThen403ReadOnly() {
        as("us-agency").post().uri(Taxii.ROOT + "collections/reference/objects/")
                .header("Accept", "application/taxii+json;version=2.1")
                .header("Content-Type", "application/taxii+json;version=2.1")
                .bodyValue("{\"objects\":[]}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.description").value(d -> assertThat((String) d)
                        .contains("'reference' is read-only").doesNotContain("[]"));
    }

    @Test
    void adminApiWhenBodyIsMalformedThen400SayingWhereWithoutParserInternals() {
        as("us-agency").post().uri("/admin/members").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\n  \"id\": \"acme\",\n  \"name\": }").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("line 3, column").doesNotContain("Source", "REDACTED", "StreamReadFeature"));
    }
}

package org.trilateral.exchange.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.trilateral.exchange.support.TestIdentityProvider;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;

/** Development mode (no issuer configured): {@code POST /dev/token} for the demo members, and nothing else trusted. */
class DevTokenEndpointTest {

    private static ConfigurableApplicationContext exchange;
    private static WebTestClient client;

    @BeforeAll
    static void startWithoutIssuers() {
        // Command-line arguments: they take precedence over application.yaml (default properties would not).
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

    private static JsonNode token(String contentType, String body) {
        byte[] response = client.post().uri("/dev/token").contentType(MediaType.parseMediaType(contentType)).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void tokenWhenDemoMemberAskedByFormOrJsonThenBearerTokenThatTheExchangeAccepts() {
        JsonNode form = token("application/x-www-form-urlencoded", "member=kr-payment-provider");
        assertThat(form.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(form.get("expires_in").asLong()).isEqualTo(3600);
        JsonNode json = token("application/json", "{\"member\":\"jp-agency\"}");
        WebTestClient asAgency = client.mutate().defaultHeader("Authorization", "Bearer " + json.get("access_token").asString()).build();
        JsonNode advisories = new Taxii(asAgency).getJson(Taxii.ADVISORIES);
        assertThat(advisories.get("can_write").asBoolean()).isTrue();
    }

    @Test
    void tokenWhenMemberUnknownThen400ProblemNamingTheField() {
        client.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("member=mallory")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("member")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("us-agency"));
    }

    @Test
    void taxiiWhenTokenFromAnyOtherIssuerThen401() {
        try (TestIdentityProvider other = TestIdentityProvider.start("other")) {
            WebTestClient stranger = client.mutate().defaultHeader("Authorization", "Bearer " + other.token("us-agency")).build();
            new Taxii(stranger).get("/taxii2/").expectStatus().isUnauthorized();
        }
    }
}

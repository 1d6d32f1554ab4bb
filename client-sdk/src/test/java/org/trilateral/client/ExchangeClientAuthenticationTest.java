package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwsAlgorithm;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** OAuth2 client credentials against a WireMock identity provider: caching, renewal, private-key JWT, expiry mid-poll. */
class ExchangeClientAuthenticationTest {

    private static final String TOKEN = "/oauth2/token";
    private static final String ROOT = "/trilateral/";
    private static final String OBJECTS = "/trilateral/collections/indicators/objects/";

    private WireMockServer server;
    private MutableClock clock;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        server.stubFor(get(urlPathEqualTo(ROOT)).willReturn(okJson("{\"title\":\"T\",\"versions\":[],\"max_content_length\":100}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI tokenEndpoint() {
        return URI.create(server.baseUrl() + TOKEN);
    }

    private ExchangeClient client(Credentials credentials) {
        return ExchangeClient.builder().baseUrl(URI.create(server.baseUrl())).credentials(credentials)
                .clock(clock).sleeper(new RecordingSleeper()).random(() -> 0).build();
    }

    private void stubTokens(String... tokens) {
        String state = STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String nextState = "token-" + (i + 1);
            server.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
                    .willSetStateTo(nextState));
            state = nextState;
        }
    }

    @Test
    void clientSecretBasicWhenTokenStillFreshThenReusedAcrossCalls() {
        stubTokens("t1", "t2");
        ExchangeClient client = client(Credentials.clientSecretBasic(tokenEndpoint(), "acme ci", "s3cret"));

        client.checkAccess();
        clock.advance(Duration.ofSeconds(200));
        client.checkAccess();

        server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString("acme+ci:s3cret".getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        server.verify(2, getRequestedFor(urlPathEqualTo(ROOT)).withHeader("Authorization", equalTo("Bearer t1")));
    }

    @Test
    void clientSecretWhenTokenNearExpiryThenRenewedBeforeUse() {
        stubTokens("t1", "t2");
        ExchangeClient client = client(Credentials.clientSecretPost(tokenEndpoint(), "acme", "s3cret"));

        client.checkAccess();
        clock.advance(Duration.ofSeconds(250)); // 50 s left of 300: inside the 60 s renewal margin
        client.checkAccess();

        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(containing("client_secret=s3cret")));
        server.verify(1, getRequestedFor(urlPathEqualTo(ROOT)).withHeader("Authorization", equalTo("Bearer t2")));
    }

    @Test
    void privateKeyJwtWhenTokenRequestedThenAssertionSignedByClientKeyForTokenEndpoint() {
        stubTokens("t1");
        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);

        client(Credentials.privateKeyJwt(tokenEndpoint(), "acme", key)).checkAccess();

        LoggedRequest request = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).get(0);
        String assertion = formValue(request.getBodyAsString(), "client_assertion");
        assertThat(formValue(request.getBodyAsString(), "client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        String[] parts = assertion.split("\\.");
        JsonNode header = StixJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = StixJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(header.get("kid").asString()).isEqualTo(key.kid());
        assertThat(claims.get("iss").asString()).isEqualTo("acme");
        assertThat(claims.get("sub").asString()).isEqualTo("acme");
        assertThat(claims.get("aud").asString()).isEqualTo(tokenEndpoint().toString());
        assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
        Jwk publicKey = key.publicKey();
        assertThat(publicKey.verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void clientCredentialsWhenProviderRefusesThenAuthenticationExceptionWithOAuthError() {
        server.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}")));

        assertThatThrownBy(() -> client(Credentials.clientSecretBasic(tokenEndpoint(), "acme", "wrong")).checkAccess())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("unknown client");
    }

    @Test
    void pollWhenTokenExpiresMidPollThenRenewedOnceAndPollContinues() {
        stubTokens("t1", "t2");
        server.stubFor(get(urlPathEqualTo(OBJECTS)).withHeader("Authorization", equalTo("Bearer t1"))
                .withQueryParam("next", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson("{\"more\":true,\"next\":\"p1\",\"objects\":[{\"type\":\"x\",\"id\":\"x--1\"}]}")));
        server.stubFor(get(urlPathEqualTo(OBJECTS)).withHeader("Authorization", equalTo("Bearer t1"))
                .withQueryParam("next", equalTo("p1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\",\"description\":\"token expired\"}")));
        server.stubFor(get(urlPathEqualTo(OBJECTS)).withHeader("Authorization", equalTo("Bearer t2"))
                .withQueryParam("next", equalTo("p1"))
                .willReturn(okJson("{\"more\":false,\"next\":\"p2\",\"objects\":[{\"type\":\"x\",\"id\":\"x--2\"}]}")));
        InMemoryCursorStore cursors = new InMemoryCursorStore();
        ExchangeClient client = client(Credentials.clientSecretBasic(tokenEndpoint(), "acme", "s3cret"))
                .newBuilder().cursorStore(cursors).build();

        List<String> ids = new ArrayList<>();
        client.poll(PollRequest.of("indicators").withCursor("job")).forEach(o -> ids.add(o.id()));

        assertThat(ids).containsExactly("x--1", "x--2");
        assertThat(cursors.load("job")).hasValueSatisfying(position -> assertThat(position.split("\n")[1]).isEqualTo("p2"));
        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    private static String formValue(String body, String name) {
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + body);
    }

    @Test
    void logWhenOnTheExchangeThenSentTheTokenAndAMirrorElsewhereNot() {
        server.stubFor(get(urlPathEqualTo("/log/key")).willReturn(aResponse().withBody(
                NoteSigner.generate("exchange.example/log").verifierKey().format() + "\n")));
        ExchangeClient client = client(Credentials.bearer("member-token"));

        assertThat(client.fetchLogKey().name()).isEqualTo("exchange.example/log");
        server.verify(getRequestedFor(urlPathEqualTo("/log/key")).withHeader("Authorization", equalTo("Bearer member-token")));

        WireMockServer elsewhere = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(urlPathEqualTo("/mirror/key")).willReturn(aResponse().withBody(
                    NoteSigner.generate("exchange.example/log").verifierKey().format() + "\n")));
            assertThat(client.newBuilder().logUrl(URI.create(elsewhere.baseUrl() + "/mirror/")).build().fetchLogKey()
                    .name()).isEqualTo("exchange.example/log");
            assertThat(elsewhere.findAll(getRequestedFor(urlPathEqualTo("/mirror/key"))))
                    .singleElement().satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
        } finally {
            elsewhere.stop();
        }
    }
}

package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a misbehaving server (WireMock): retries, Retry-After, timeouts, broken bodies, expired tokens. */
class ExchangeClientResilienceTest {

    private static final String ROOT = "/trilateral/";
    private static final String OBJECTS = "/trilateral/collections/indicators/objects/";
    private static final String TAXII_ERROR = "{\"title\":\"Bad object\",\"description\":\"pattern is not valid\",\"error_id\":\"e-1\",\"http_status\":\"400\"}";

    private WireMockServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ExchangeClient.Builder client() {
        return ExchangeClient.builder()
                .baseUrl(URI.create(server.baseUrl()))
                .credentials(Credentials.bearer("dev-token"))
                .sleeper(sleeper)
                .random(() -> 0.0)
                .requestTimeout(Duration.ofSeconds(5));
    }

    private void stubRootAfter(String state, String next) {
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs(state)
                .willReturn(okJson("{\"title\":\"Trilateral\",\"versions\":[\"application/taxii+json;version=2.1\"],\"max_content_length\":1000}"))
                .willSetStateTo(next));
    }

    @Test
    void checkAccessWhenRateLimitedThenWaitsRetryAfterAndSucceeds() {
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        stubRootAfter("ok", "ok");

        ApiRootInfo root = client().build().checkAccess();

        assertThat(root.maxContentLength()).isEqualTo(1000);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        server.verify(2, getRequestedFor(urlPathEqualTo(ROOT)).withHeader("Authorization", equalTo("Bearer dev-token")));
    }

    @Test
    void checkAccessWhenServiceUnavailableBurstThenBacksOffExponentially() {
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("3"));
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(504)).willSetStateTo("4"));
        stubRootAfter("4", "4");

        client().build().checkAccess();

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void checkAccessWhenServiceUnavailableThroughoutThenServerExceptionAfterMaxAttempts() {
        server.stubFor(get(urlPathEqualTo(ROOT)).willReturn(aResponse().withStatus(503)
                .withBody("{\"title\":\"Maintenance\",\"error_id\":\"m-9\"}")));

        assertThatThrownBy(() -> client().build().checkAccess())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("Maintenance")
                .satisfies(e -> assertThat(((ServerException) e).statusCode()).isEqualTo(503))
                .satisfies(e -> assertThat(((ServerException) e).error().orElseThrow().errorId()).isEqualTo("m-9"));
        server.verify(5, getRequestedFor(urlPathEqualTo(ROOT)));
    }

    @Test
    void checkAccessWhenRetryAfterTooLongThenRateLimitExceptionWithoutWaiting() {
        server.stubFor(get(urlPathEqualTo(ROOT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> client().build().checkAccess())
                .isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofHours(1)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void publishWhenRefusedWith400ThenValidationExceptionAndNoRetry() {
        stubRootAfter(STARTED, STARTED);
        server.stubFor(post(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(400).withBody(TAXII_ERROR)));

        assertThatThrownBy(() -> client().build().publish("indicators", List.of(TestObjects.walletIndicator())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pattern is not valid")
                .hasMessageContaining("e-1");
        server.verify(1, postRequestedFor(urlPathEqualTo(OBJECTS)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void checkAccessWhenForbiddenThenPermissionException() {
        server.stubFor(get(urlPathEqualTo(ROOT)).willReturn(aResponse().withStatus(403).withBody("{\"title\":\"Forbidden\"}")));

        assertThatThrownBy(() -> client().build().checkAccess()).isInstanceOf(PermissionException.class);
    }

    @Test
    void checkAccessWhenResponseSlowerThanTimeoutThenNetworkExceptionAfterRetries() {
        server.stubFor(get(urlPathEqualTo(ROOT)).willReturn(okJson("{}").withFixedDelay(1500)));

        assertThatThrownBy(() -> client().requestTimeout(Duration.ofMillis(200))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 0, Duration.ofSeconds(1)))
                .build().checkAccess())
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("timed out");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void checkAccessWhenConnectionDroppedMidBodyThenRetriedAndSucceeds() {
        server.stubFor(get(urlPathEqualTo(ROOT)).inScenario("root").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("ok"));
        stubRootAfter("ok", "ok");

        assertThat(client().build().checkAccess().title()).isEqualTo("Trilateral");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void pollWhenBodyTruncatedThenServerExceptionNamingMalformedJson() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(200)
                .withBody("{\"more\":false,\"objects\":[{\"type\":\"indicator\"")));

        assertThatThrownBy(() -> client().build().poll(PollRequest.of("indicators")).iterator().hasNext())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void pollWhenEnvelopeMalformedThenServerException() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(okJson("{\"more\":true,\"objects\":[]}")));

        assertThatThrownBy(() -> client().build().poll(PollRequest.of("indicators")).iterator().hasNext())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("gives no next");
    }

    @Test
    void pollWhenFixedTokenRefusedThenAuthenticationExceptionWithoutLoop() {
        server.stubFor(get(urlPathEqualTo(OBJECTS)).willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"Unauthorized\",\"description\":\"token expired\"}")));

        assertThatThrownBy(() -> client().build().poll(PollRequest.of("indicators")).iterator().hasNext())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("token expired");
        server.verify(1, getRequestedFor(urlPathEqualTo(OBJECTS)));
    }

    @Test
    void registerWebhookWhenGatewayAnswers502ThenReportedWithoutRegisteringTwice() {
        server.stubFor(post(urlPathEqualTo("/webhooks")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client().build().registerWebhook(WebhookRequest.to(URI.create("https://soc.example/hook"))))
                .isInstanceOf(ServerException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/webhooks")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void registerWebhookWhenRateLimitedThenRepeatedAfterRetryAfterAndRegistered() {
        server.stubFor(post(urlPathEqualTo("/webhooks")).inScenario("register").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/webhooks")).inScenario("register").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"w-1\",\"url\":\"https://soc.example/hook\",\"types\":[],\"description\":\"\","
                                + "\"paused\":false,\"created\":\"2026-12-01T08:00:00Z\",\"lanes\":[{\"lane\":\"general\","
                                + "\"position\":12}]}")));

        Webhook webhook = client().build().registerWebhook(WebhookRequest.to(URI.create("https://soc.example/hook")));

        assertThat(webhook.id()).isEqualTo("w-1");
        assertThat(webhook.collection()).isEmpty();
        assertThat(webhook.lanes()).singleElement().satisfies(lane -> assertThat(lane.position()).isEqualTo(12));
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        server.verify(2, postRequestedFor(urlPathEqualTo("/webhooks")));
    }

    @Test
    void webhookWhenTheAnswerIsNotTheApisThenServerExceptionNamingIt() {
        server.stubFor(get(urlPathEqualTo("/webhooks/w-1")).willReturn(okJson("{\"id\":\"w-1\"}")));

        assertThatThrownBy(() -> client().build().webhook("w-1")).isInstanceOf(ServerException.class)
                .hasMessageContaining("not what the webhook API answers");
    }
}

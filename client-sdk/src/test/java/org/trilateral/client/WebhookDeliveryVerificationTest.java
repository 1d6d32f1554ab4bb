package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook delivery from the real exchange to a member's endpoint (WireMock), verified with the SDK
 * (docs/sdk.md#webhooks): signed with the log key the client pins, for this endpoint, and each object verified against
 * the log as {@code subscribe} verifies it; the same request is refused by a verifier for another endpoint.
 */
class WebhookDeliveryVerificationTest {

    private static final String ORIGIN = "trilateral-exchange.example/log";
    private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN);

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static WireMockServer endpoint;
    private static SigningKey memberKey;

    @BeforeAll
    static void start() {
        endpoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoint.start();
        endpoint.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        exchange = RunningExchange.start(directory.resolve("postgres"), "--exchange.log.signing-key=" + LOG_KEY.format(),
                "--exchange.webhooks.allow-http=true", "--exchange.webhooks.allowed-hosts=127.0.0.1",
                "--exchange.webhooks.retry-poll=200ms");
        memberKey = SigningKey.generate();
        exchange.clientBuilder().build().registerOwnKey(memberKey, memberKey, false);
    }

    @AfterAll
    static void stop() {
        exchange.close();
        endpoint.stop();
    }

    @Test
    void deliveryWhenVerifiedWithThePinnedLogKeyThenEventsVerifiedAsSubscribeVerifiesThem() {
        TrustPolicy policy = TrustPolicy.builder().logKey(LOG_KEY.verifierKey())
                .ownKeys(RunningExchange.MEMBER_ID, Set.of(memberKey.kid())).build();
        ExchangeClient client = exchange.clientBuilder().signingKey(memberKey).trust(policy).build();
        String webhook = StixJson.mapper().readTree(exchange.post("/webhooks", "{\"url\":\"http://127.0.0.1:"
                + endpoint.port() + "/hook\",\"collection\":\"indicators\"}", 201)).get("id").stringValue();
        ObjectNode wallet = new Indicators(RunningExchange.MEMBER_IDENTITY)
                .wallet("eip155:1:0x6666666666666666666666666666666666666666", Tlp.GREEN);
        assertThat(client.publish("indicators", List.of(wallet)).allAccepted()).isTrue();

        LoggedRequest request = awaitRequest();
        WebhookDelivery delivery = WebhookVerifier.builder().trust(policy).endpoint(webhook).client(client).build()
                .verify(headers(request), request.getBody());

        assertThat(delivery.idempotencyKey()).isEqualTo(request.getHeader("Idempotency-Key")).startsWith(webhook + ":");
        assertThat(delivery.events()).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(wallet.get("id").stringValue());
            assertThat(event.kind()).isEqualTo(ChangeEvent.Kind.ADDED);
            assertThat(event.verification()).hasValueSatisfying(v -> assertThat(v.ok()).as(v.detail()).isTrue());
        });
        assertThatThrownBy(() -> WebhookVerifier.builder().trust(policy).endpoint("another-endpoint").build()
                .verify(headers(request), request.getBody())).isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return headers;
    }

    private static LoggedRequest awaitRequest() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<LoggedRequest> requests = endpoint.findAll(postRequestedFor(urlEqualTo("/hook")));
            if (!requests.isEmpty()) {
                return requests.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no delivery in 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

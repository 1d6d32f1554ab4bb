package org.trilateral.exchange.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks over https (docs/delivery.md#tls): two https WireMocks on loopback, each with a certificate for
 * {@code localhost} made in the test, one issued by a private CA that {@code exchange.webhooks.trust-store} names, the
 * other by a CA the exchange is not told about. The first receives deliveries; the second's are refused at the TLS
 * handshake, before any request, and retried: the batch waits at its position, not lost. A third has a certificate
 * of the trusted CA for another host name, and is refused too: the name is checked, not only the issuer.
 */
@TestPropertySource(properties = {
        "exchange.webhooks.allowed-hosts=localhost",
        "exchange.webhooks.retry-poll=100ms",
        "exchange.webhooks.initial-delay=50ms",
        "exchange.webhooks.max-delay=200ms",
        "exchange.delivery.poll-interval=200ms",
        "exchange.security.provider-timeout=30s"})
class WebhookTlsTest extends ExchangeIntegrationTest {

    private static final Path DIRECTORY;
    private static final TestCertificates.Authority PRIVATE_CA = TestCertificates.Authority.create("Member private CA");
    private static final TestCertificates.Authority UNKNOWN_CA = TestCertificates.Authority.create("Unknown CA");
    private static final WireMockServer TRUSTED;
    private static final WireMockServer UNTRUSTED;
    private static final WireMockServer MISNAMED;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("webhook-tls");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TRUSTED = https(PRIVATE_CA.issueServerKeyStore(DIRECTORY));
        UNTRUSTED = https(UNKNOWN_CA.issueServerKeyStore(DIRECTORY));
        MISNAMED = https(PRIVATE_CA.issueServerKeyStore(DIRECTORY, new org.bouncycastle.asn1.x509.GeneralNames(
                new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.dNSName,
                        "elsewhere.test"))));
    }

    @DynamicPropertySource
    static void trustStore(DynamicPropertyRegistry registry) {
        registry.add("exchange.webhooks.trust-store", () -> PRIVATE_CA.pem(DIRECTORY).toString());
    }

    @AfterAll
    static void stop() {
        TRUSTED.stop();
        UNTRUSTED.stop();
        MISNAMED.stop();
    }

    @Test
    void deliveryWhenTheEndpointsCaIsInTheTrustStoreThenDeliveredOverHttps() {
        register("https://localhost:" + TRUSTED.httpsPort() + "/hook");

        publish();
        List<LoggedRequest> requests = await(() -> TRUSTED.findAll(postRequestedFor(urlEqualTo("/hook"))),
                list -> !list.isEmpty());

        assertThat(requests.get(0).getHeader("Host")).isEqualTo("localhost:" + TRUSTED.httpsPort());
        assertThat(requests.get(0).getHeader("Exchange-Signature")).isNotBlank();
        assertThat(TestStix.parse(requests.get(0).getBodyAsString()).get("events")).isNotEmpty();
    }

    @Test
    void deliveryWhenTheEndpointsCaIsNotTrustedThenRefusedAtTheHandshakeAndRetriedNotLost() {
        JsonNode webhook = register("https://localhost:" + UNTRUSTED.httpsPort() + "/hook");
        String id = webhook.get("id").stringValue();
        long registeredAt = webhook.get("lanes").get(1).get("position").longValue();

        publish();
        JsonNode lane = await(() -> general(id), l -> l.has("last_error") && l.get("attempts").intValue() >= 2);

        assertThat(lane.get("last_error").stringValue()).startsWith("no answer")
                .containsAnyOf("certification path", "PKIX", "certificate");
        assertThat(lane.get("position").longValue()).isEqualTo(registeredAt);
        assertThat(lane.get("pending_to").longValue()).isGreaterThan(registeredAt);
        assertThat(UNTRUSTED.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();
        assertThat(TestStix.parse(body("/webhooks/" + id + "/dead-letters")).get("dead_letters")).isEmpty();
    }

    @Test
    void deliveryWhenTheCertificateNamesAnotherHostThenRefusedAlthoughItsCaIsTrusted() {
        String id = register("https://localhost:" + MISNAMED.httpsPort() + "/hook").get("id").stringValue();

        publish();
        JsonNode lane = await(() -> general(id), l -> l.has("last_error"));

        assertThat(lane.get("last_error").stringValue()).startsWith("no answer").contains("localhost");
        assertThat(MISNAMED.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();
    }

    private static WireMockServer https(Path keyStore) {
        WireMockServer server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keyStore.toString()).keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD));
        server.start();
        server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    private JsonNode register(String url) {
        return TestStix.parse(new String(client().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"" + url + "\",\"types\":[\"indicator\"]}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8));
    }

    private void publish() {
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator()));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
    }

    private String body(String path) {
        return new String(client().get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }

    private JsonNode general(String id) {
        for (JsonNode lane : TestStix.parse(body("/webhooks/" + id)).get("lanes")) {
            if (lane.get("lane").stringValue().equals("general")) {
                return lane;
            }
        }
        throw new AssertionError("no general lane");
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not there in 30 s: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package org.trilateral.exchange.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.trilateral.exchange.support.Pause.sleep;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * DNS rebinding (docs/delivery.md#member-api): a name that resolves to a public address when the endpoint is checked
 * and to {@code 127.0.0.1} the next time must not get a delivery to loopback. The exchange's resolver is replaced by one
 * that answers like a rebinding DNS server ({@code rebinding.test}: {@code 93.184.216.34} the first time, then
 * {@code 127.0.0.1}), which makes the race deterministic; a plain socket on loopback counts every connection made to it.
 * The allowed host {@code allowed.test} resolves to loopback too and is delivered to, by name (its {@code Host} header).
 */
@TestPropertySource(properties = {
        "exchange.webhooks.allow-http=true",
        "exchange.webhooks.allowed-hosts=allowed.test",
        "exchange.webhooks.retry-poll=100ms",
        "exchange.webhooks.initial-delay=50ms",
        "exchange.webhooks.max-delay=200ms",
        "exchange.delivery.poll-interval=200ms",
        "exchange.security.provider-timeout=30s"})
class WebhookRebindingTest extends ExchangeIntegrationTest {

    private static final RebindingDns DNS = new RebindingDns();
    private static ServerSocket loopback;
    private static final AtomicInteger connections = new AtomicInteger();
    private static WireMockServer allowed;

    @TestConfiguration
    static class Resolver {

        @Bean
        @Primary
        HostLookup rebindingLookup() {
            return DNS;
        }
    }

    @BeforeAll
    static void listen() throws IOException {
        loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!loopback.isClosed()) {
                try (Socket socket = loopback.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "loopback-accept");
        accepting.setDaemon(true);
        accepting.start();
        allowed = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        allowed.start();
        allowed.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void close() throws IOException {
        loopback.close();
        allowed.stop();
    }

    @Test
    void deliveryWhenTheNameRebindsToLoopbackAfterTheCheckThenNothingConnectsThereAndTheBatchWaits() {
        JsonNode webhook = register("http://rebinding.test:" + loopback.getLocalPort() + "/hook");
        String id = webhook.get("id").stringValue();
        long registeredAt = webhook.get("lanes").get(1).get("position").longValue();
        assertThat(DNS.calls("rebinding.test")).as("checked once when registered").isEqualTo(1);

        publish();
        JsonNode lane = awaitLane(id, l -> l.has("last_error") && l.get("attempts").intValue() >= 2);

        assertThat(lane.get("last_error").stringValue()).startsWith("the address was refused")
                .contains("'rebinding.test'").contains("127.0.0.1").contains("not a public address");
        // Not lost: the lane waits at its position with the batch pending, to be retried.
        assertThat(lane.get("position").longValue()).isEqualTo(registeredAt);
        assertThat(lane.get("pending_to").longValue()).isGreaterThan(registeredAt);
        assertThat(DNS.calls("rebinding.test")).as("resolved again for each connection").isGreaterThanOrEqualTo(3);
        assertThat(connections.get()).as("connections made to loopback").isZero();
    }

    @Test
    void deliveryWhenTheHostIsAllowedThenDeliveredToTheAddressItResolvesToByName() {
        String url = "http://allowed.test:" + allowed.port() + "/ok";
        register(url);

        publish();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LoggedRequest> requests = allowed.findAll(postRequestedFor(urlEqualTo("/ok")));
        while (requests.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
            requests = allowed.findAll(postRequestedFor(urlEqualTo("/ok")));
        }

        assertThat(requests).isNotEmpty();
        assertThat(requests.get(0).getHeader("Host")).isEqualTo("allowed.test:" + allowed.port());
        assertThat(TestStix.parse(requests.get(0).getBodyAsString()).get("events")).isNotEmpty();
    }

    private JsonNode register(String url) {
        byte[] body = client().post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"" + url + "\",\"types\":[\"indicator\"]}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return TestStix.parse(new String(body, StandardCharsets.UTF_8));
    }

    private void publish() {
        JsonNode status = taxii().publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator()));
        assertThat(status.get("success_count").intValue()).as(status.toString()).isEqualTo(1);
    }

    private JsonNode awaitLane(String id, java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode webhook = TestStix.parse(new String(client().get().uri("/webhooks/" + id).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
            for (JsonNode lane : webhook.get("lanes")) {
                if (lane.get("lane").stringValue().equals("general") && done.test(lane)) {
                    return lane;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the general lane did not get there in 30 s: " + webhook);
            }
            sleep(100);
        }
    }

    /** Answers like a DNS server under an attacker's control: public first, loopback afterwards. */
    static final class RebindingDns implements HostLookup {

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        int calls(String host) {
            return calls.getOrDefault(host, new AtomicInteger()).get();
        }

        @Override
        public Mono<List<InetAddress>> addresses(String host) {
            int call = calls.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            try {
                if (host.equals("rebinding.test")) {
                    return Mono.just(List.of(InetAddress.getByAddress(host,
                            call == 1 ? new byte[] {93, (byte) 184, (byte) 216, 34} : new byte[] {127, 0, 0, 1})));
                }
                if (host.equals("allowed.test")) {
                    return Mono.just(List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})));
                }
                return Mono.just(List.of(InetAddress.getAllByName(host)));
            } catch (UnknownHostException e) {
                return Mono.error(e);
            }
        }
    }
}

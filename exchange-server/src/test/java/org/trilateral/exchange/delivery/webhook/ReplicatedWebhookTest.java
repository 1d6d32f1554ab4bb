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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks when two exchange processes share one PostgreSQL (docs/delivery.md#webhooks): both dispatch, each endpoint
 * is leased by one at a time, and the endpoint receives every event once, in order, whichever instance the objects
 * were published on. The endpoint answers slowly, so that both instances are woken while a delivery is in flight.
 */
class ReplicatedWebhookTest {

    @Test
    void publishWhenTwoInstancesDispatchThenTheEndpointGetsEveryEventOnceInOrder() {
        WireMockServer endpoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoint.start();
        endpoint.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(150)));
        String database = TestDatabase.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(database);
             ConfigurableApplicationContext b = start(database)) {
            client(a).post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"url\":\"http://127.0.0.1:" + endpoint.port() + "/hook\",\"types\":[\"indicator\"]}")
                    .exchange().expectStatus().isCreated();
            List<Long> published = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Taxii publisher = new Taxii(client(i % 2 == 0 ? a : b));
                List<ObjectNode> objects = List.of(TestStix.indicator(), TestStix.indicator());
                JsonNode status = publisher.publish(Taxii.INDICATORS, TestStix.envelope(objects));
                status.get("successes").forEach(s -> published.add(s.get("log_index").longValue()));
            }

            List<Long> delivered = await(endpoint, published.size());
            // Nothing more arrives later either.
            sleep(1500);

            assertThat(positions(endpoint)).containsExactlyElementsOf(published);
            assertThat(delivered).containsExactlyElementsOf(published);
        } finally {
            endpoint.stop();
        }
    }

    private static List<Long> positions(WireMockServer endpoint) {
        List<Long> positions = new ArrayList<>();
        for (LoggedRequest request : endpoint.findAll(postRequestedFor(urlEqualTo("/hook")))) {
            TestStix.parse(request.getBodyAsString()).get("events")
                    .forEach(e -> positions.add(e.get("position").longValue()));
        }
        return positions;
    }

    private static List<Long> await(WireMockServer endpoint, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Long> positions = positions(endpoint);
            if (positions.size() >= count) {
                return positions;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + positions + " of " + count + " events in 60 s");
            }
            sleep(50);
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--exchange.database.url=" + databaseUrl,
                "--exchange.database.username=postgres",
                "--exchange.database.password=postgres",
                "--exchange.database.pool.initial-size=1",
                "--exchange.database.pool.max-size=6",
                "--exchange.webhooks.allow-http=true",
                "--exchange.webhooks.allowed-hosts=127.0.0.1",
                "--exchange.webhooks.retry-poll=50ms",
                // Small batches: many deliveries, so that both instances race for the endpoint many times.
                "--exchange.webhooks.events-per-request=1"));
        ExchangeIntegrationTest.testIssuerSettings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(ExchangeApplication.class).run(arguments.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + ExchangeIntegrationTest.memberToken())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}

package org.trilateral.exchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams when several exchange processes share one PostgreSQL (docs/delivery.md, "Several replicas"): each wakes its
 * own subscribers from the database's notifications, reads the events from the durable log, and a lost notification
 * only delays delivery until the next poll.
 */
class ReplicatedDeliveryTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void publishWhenTwoInstancesThenSubscribersOnBothReceiveEveryEventOnceInOrder() {
        String database = TestDatabase.newDatabaseUrl();
        // Polling an hour apart: only the notifications can wake the subscribers within the test's time.
        try (ConfigurableApplicationContext a = start(database, "--exchange.delivery.poll-interval=1h");
             ConfigurableApplicationContext b = start(database, "--exchange.delivery.poll-interval=1h")) {
            List<Long> onA = new CopyOnWriteArrayList<>();
            List<Long> onB = new CopyOnWriteArrayList<>();
            Disposable subA = subscribe(a, onA);
            Disposable subB = subscribe(b, onB);
            try {
                Taxii publisher = new Taxii(client(a));
                List<Long> published = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    List<ObjectNode> objects = List.of(TestStix.indicator(), TestStix.indicator());
                    JsonNode status = publisher.publish(Taxii.INDICATORS, TestStix.envelope(objects));
                    status.get("successes").forEach(s -> published.add(s.get("log_index").longValue()));
                }

                await(onA, published.size());
                await(onB, published.size());
                assertThat(onA).containsExactlyElementsOf(published);
                assertThat(onB).containsExactlyElementsOf(published);
            } finally {
                subA.dispose();
                subB.dispose();
            }
        }
    }

    @Test
    void publishWhenNotificationsAreNotHeardThenPollingStillDeliversEveryEvent() {
        String database = TestDatabase.newDatabaseUrl();
        try (ConfigurableApplicationContext deaf = start(database, "--exchange.delivery.listen=false",
                "--exchange.delivery.poll-interval=300ms")) {
            List<Long> received = new CopyOnWriteArrayList<>();
            Disposable subscription = subscribe(deaf, received);
            try {
                JsonNode status = new Taxii(client(deaf)).publish(Taxii.INDICATORS,
                        TestStix.envelope(TestStix.indicator(), TestStix.indicator(), TestStix.indicator()));
                List<Long> published = new ArrayList<>();
                status.get("successes").forEach(s -> published.add(s.get("log_index").longValue()));

                await(received, 3);
                assertThat(received).containsExactlyElementsOf(published);
            } finally {
                subscription.dispose();
            }
        }
    }

    @Test
    void subscriberWhenTooFarBehindThenClosedWithTheReasonAndResumesWhereItWas() {
        String database = TestDatabase.newDatabaseUrl();
        try (ConfigurableApplicationContext exchange = start(database, "--exchange.delivery.max-behind=2")) {
            List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
            Disposable subscription = stream(exchange, "/changes/stream").subscribe(events::add);
            try {
                awaitEvent(events, "ready");
                JsonNode status = new Taxii(client(exchange)).publish(Taxii.INDICATORS, TestStix.envelope(
                        TestStix.indicator(), TestStix.indicator(), TestStix.indicator(), TestStix.indicator()));
                long first = status.get("successes").get(0).get("log_index").longValue();

                ServerSentEvent<String> closed = awaitEvent(events, "closed");
                JsonNode reason = TestStix.parse(closed.data());
                assertThat(reason.get("reason").stringValue()).contains("behind", "exchange.delivery.max-behind");
                assertThat(reason.get("resume_from").longValue()).isEqualTo(first);

                List<Long> published = new ArrayList<>();
                status.get("successes").forEach(s -> published.add(s.get("log_index").longValue()));
                List<Long> resumed = WebClient.create("http://localhost:" + port(exchange)).get().uri("/changes/stream")
                        .header("Authorization", "Bearer " + ExchangeIntegrationTest.memberToken())
                        .header("Last-Event-ID", closed.id())
                        .retrieve().bodyToFlux(SSE)
                        .filter(e -> "added".equals(e.event()))
                        .map(e -> TestStix.parse(e.data()).get("position").longValue())
                        .take(4)
                        .collectList()
                        .block(Duration.ofSeconds(30));
                assertThat(resumed).containsExactlyElementsOf(published);
            } finally {
                subscription.dispose();
            }
        }
    }

    private static reactor.core.publisher.Flux<ServerSentEvent<String>> stream(ConfigurableApplicationContext exchange,
                                                                               String path) {
        return WebClient.create("http://localhost:" + port(exchange)).get().uri(path)
                .header("Authorization", "Bearer " + ExchangeIntegrationTest.memberToken())
                .retrieve().bodyToFlux(SSE);
    }

    private static Disposable subscribe(ConfigurableApplicationContext exchange, List<Long> positions) {
        List<ServerSentEvent<String>> ready = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(exchange, "/changes/stream?type=indicator").subscribe(event -> {
            if ("added".equals(event.event())) {
                positions.add(TestStix.parse(event.data()).get("position").longValue());
            } else {
                ready.add(event);
            }
        });
        awaitEvent(ready, "ready");
        return subscription;
    }

    private static ServerSentEvent<String> awaitEvent(List<ServerSentEvent<String>> events, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (ServerSentEvent<String> event : events) {
                if (kind.equals(event.event())) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + kind + "' event in 30 s: " + events);
            }
            sleep();
        }
    }

    private static void await(List<Long> positions, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (positions.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + positions + " of " + count + " events in 30 s");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--exchange.database.url=" + databaseUrl,
                "--exchange.database.username=postgres",
                "--exchange.database.password=postgres",
                "--exchange.database.pool.initial-size=1",
                "--exchange.database.pool.max-size=6"));
        ExchangeIntegrationTest.testIssuerSettings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ExchangeApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port(context))
                .defaultHeader("Authorization", "Bearer " + ExchangeIntegrationTest.memberToken())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}

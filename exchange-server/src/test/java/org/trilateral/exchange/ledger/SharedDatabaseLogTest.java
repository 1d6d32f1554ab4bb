package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.exchange.support.TestDatabase;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.checkpoint.Checkpoint;
import tools.jackson.databind.node.ObjectNode;

/**
 * The log lives in the database, not in an instance: it continues across a restart, and instances sharing one
 * database append to one tree (no fork), each serving checkpoints consistent with the other's.
 */
class SharedDatabaseLogTest {

    @Test
    void restartWhenSameDatabaseThenLogContinuesAndOldCheckpointIsConsistentWithNew() {
        String database = TestDatabase.newDatabaseUrl();
        Checkpoint before;
        long firstIndex;
        try (ConfigurableApplicationContext first = start(database)) {
            firstIndex = new Taxii(client(first)).publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator()))
                    .get("successes").get(0).get("log_index").longValue();
            before = new LogClient(client(first)).checkpoint();
        }
        try (ConfigurableApplicationContext second = start(database)) {
            LogClient log = new LogClient(client(second));
            assertThat(log.checkpoint()).isEqualTo(before);

            new Taxii(client(second)).publish(Taxii.INDICATORS, TestStix.envelope(TestStix.indicator(), TestStix.indicator()));
            Checkpoint after = log.checkpoint();

            assertThat(after.size()).isEqualTo(before.size() + 2);
            log.verifyConsistent(before, after);
            log.verifyIncluded("index=" + firstIndex, after);
        }
    }

    @Test
    void publishWhenTwoInstancesShareTheDatabaseThenTheirCheckpointsNeverFork() throws Exception {
        String database = TestDatabase.newDatabaseUrl();
        try (ConfigurableApplicationContext a = start(database); ConfigurableApplicationContext b = start(database)) {
            List<WebTestClient> instances = List.of(client(a), client(b));
            long initial = new LogClient(instances.get(0)).checkpoint().size();
            List<Checkpoint> seen = Collections.synchronizedList(new ArrayList<>());
            int writersPerInstance = 2;
            int envelopes = 4;
            int objectsPerEnvelope = 5;
            ExecutorService writers = Executors.newFixedThreadPool(instances.size() * writersPerInstance);
            List<Future<?>> done = new ArrayList<>();
            for (WebTestClient instance : instances) {
                for (int w = 0; w < writersPerInstance; w++) {
                    done.add(writers.submit(() -> {
                        for (int e = 0; e < envelopes; e++) {
                            List<ObjectNode> objects = new ArrayList<>();
                            for (int o = 0; o < objectsPerEnvelope; o++) {
                                objects.add(TestStix.indicator());
                            }
                            new Taxii(instance).publish(Taxii.INDICATORS, TestStix.envelope(objects));
                            seen.add(new LogClient(instance).checkpoint());
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
            writers.shutdown();

            LogClient logA = new LogClient(instances.get(0));
            LogClient logB = new LogClient(instances.get(1));
            Checkpoint finalA = logA.checkpoint();
            assertThat(logB.checkpoint()).isEqualTo(finalA);
            assertThat(logB.key()).isEqualTo(logA.key());
            assertThat(finalA.size()).isEqualTo(initial + (long) instances.size() * writersPerInstance * envelopes
                    * objectsPerEnvelope);
            List<Checkpoint> ordered = new ArrayList<>(seen);
            ordered.sort(Comparator.comparingLong(Checkpoint::size));
            for (int i = 0; i < ordered.size(); i++) {
                // Each earlier head is a prefix of the final one, as proved by either instance.
                (i % 2 == 0 ? logA : logB).verifyConsistent(ordered.get(i), finalA);
                if (i > 0) {
                    logB.verifyConsistent(ordered.get(i - 1), ordered.get(i));
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        // Arguments, not default properties: they must win over application.yaml's server.port.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--exchange.database.url=" + databaseUrl,
                "--exchange.database.username=postgres",
                "--exchange.database.password=postgres",
                "--exchange.database.pool.initial-size=1",
                "--exchange.database.pool.max-size=6"));
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

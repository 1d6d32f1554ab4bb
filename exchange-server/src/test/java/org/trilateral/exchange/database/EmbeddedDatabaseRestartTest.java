package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one-command run: with no database configured the exchange starts its own PostgreSQL, and what was
 * published is still there after a restart on the same data directory.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void restartWhenSameDataDirectoryThenPublishedObjectsSurvive() {
        ObjectNode indicator = TestStix.indicator();
        try (ConfigurableApplicationContext first = start()) {
            new Taxii(client(first)).publish(Taxii.INDICATORS, TestStix.envelope(indicator));
        }
        try (ConfigurableApplicationContext second = start()) {
            var envelope = new Taxii(client(second)).getJson(Taxii.INDICATORS + "objects/" + indicator.get("id").asString() + "/");
            assertThat(envelope.get("objects").get(0)).isEqualTo(indicator);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because application.yaml's own values win over builder default properties.
        return new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0",
                        "--exchange.database.url=",
                        "--exchange.database.embedded.data-directory=" + dataDirectory.resolve("pg"));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}

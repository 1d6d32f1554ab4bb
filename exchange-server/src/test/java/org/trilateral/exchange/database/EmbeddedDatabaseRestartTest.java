package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.exchange.taxii.Taxii;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one-command run: with no database and no issuer configured the exchange starts its own PostgreSQL and its
 * development identity provider, and what a demo member published is still there after a restart on the same data
 * directory.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void restartWhenSameDataDirectoryThenPublishedObjectsSurvive() {
        ObjectNode indicator = TestStix.indicator();
        indicator.put("created_by_ref", "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a");
        // Demo members have no key: us-agency (an admin) registers its own before publishing (docs/integrity.md §7).
        SigningKey key = SigningKey.generate();
        TestStix.sign(indicator, key);
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient client = client(first);
            client.post().uri("/admin/members/us-agency/keys").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"jwk\":" + key.publicKey().toJson() + "}").exchange().expectStatus().isCreated();
            new Taxii(client, key).publish(Taxii.INDICATORS, TestStix.envelope(indicator));
        }
        try (ConfigurableApplicationContext second = start()) {
            var envelope = new Taxii(client(second)).getJson(Taxii.INDICATORS + "objects/" + indicator.get("id").asString() + "/");
            assertThat(envelope.get("objects").get(0)).isEqualTo(indicator);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they take precedence over application.yaml (whose server.port is 8080).
        return new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true",
                        "--exchange.database.url=",
                        "--exchange.database.embedded.durable=false",
                        "--exchange.database.embedded.data-directory=" + dataDirectory.resolve("pg"));
    }

    /** A client calling as the demo member us-agency, with a token from {@code POST /dev/token}. */
    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        byte[] response = anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("member=us-agency").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String token = TestStix.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8)).get("access_token").asString();
        return anonymous.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }
}

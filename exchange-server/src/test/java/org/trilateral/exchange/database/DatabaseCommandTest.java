package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backup} of a running exchange and {@code restore} into a new data directory: the restored exchange serves
 * the same objects, byte for byte through TAXII, and the same log (the same signed checkpoint, root and size).
 */
class DatabaseCommandTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String INDICATORS = "/trilateral/collections/indicators/";
    private static final String MEMBER_IDENTITY = "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a";

    @TempDir
    Path temp;

    @Test
    void restoreWhenBackupOfARunningExchangeThenTheRestoredOneServesTheSameObjectsAndTheSameLog() throws Exception {
        Path original = temp.resolve("original");
        Path restored = temp.resolve("restored");
        Path backup = temp.resolve("backups/exchange-backup.zip");
        Served before;
        try (ConfigurableApplicationContext exchange = start(original)) {
            WebTestClient client = client(exchange);
            SigningKey key = SigningKey.generate();
            client.post().uri("/admin/members/us-agency/keys").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"jwk\":" + key.publicKey().toJson() + "}").exchange().expectStatus().isCreated();
            for (int envelope = 0; envelope < 3; envelope++) {
                List<ObjectNode> objects = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ObjectNode indicator = TestStix.indicator();
                    indicator.put("created_by_ref", MEMBER_IDENTITY);
                    objects.add(TestStix.sign(indicator, key));
                }
                client.post().uri(INDICATORS + "objects/").header("Accept", TAXII).header("Content-Type", TAXII)
                        .bodyValue(TestStix.envelope(objects)).exchange().expectStatus().isAccepted();
            }
            before = served(client);
            assertThat(TestStix.parse(before.objects()).get("objects")).hasSize(12);

            // Online: the exchange keeps running while its server serves the backup's snapshot.
            Result result = command("backup", backup.toString(), "--exchange.database.embedded.durable=false",
                    "--exchange.database.embedded.data-directory=" + original);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Backed up the exchange's database (schema version ")
                    .contains(" to " + backup);
        }
        try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            JsonNode manifest = TestStix.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(manifest.get("format").asString()).isEqualTo("trilateral-exchange-backup/1");
            assertThat(manifest.get("tables").findValuesAsString("name")).contains("stix_object", "log_leaf", "log_state", "member");
            assertThat(zip.getEntry("tables/log_leaf.tsv")).isNotNull();
        }

        Result restore = command("restore", backup.toString(), "--exchange.database.embedded.durable=false",
                "--exchange.database.embedded.data-directory=" + restored);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + backup).contains("into data directory " + restored);

        try (ConfigurableApplicationContext exchange = start(restored)) {
            Served after = served(client(exchange));
            assertThat(after.checkpoint()).isEqualTo(before.checkpoint());
            assertThat(after.logKey()).isEqualTo(before.logKey());
            assertThat(after.objects()).isEqualTo(before.objects());
            assertThat(after.dateAddedFirst()).isEqualTo(before.dateAddedFirst());
            assertThat(after.dateAddedLast()).isEqualTo(before.dateAddedLast());
        }

        // A directory that holds data is never overwritten.
        Result again = command("restore", backup.toString(), "--exchange.database.embedded.durable=false",
                "--exchange.database.embedded.data-directory=" + restored);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("data directory " + restored + " already holds a database: restore"
                + " into a new directory (--exchange.database.embedded.data-directory=<path>), or move this one aside first");
    }

    @Test
    void backupWhenFileExistsOrNoDatabaseThenExit1WithOneLine() throws Exception {
        Path existing = Files.writeString(temp.resolve("existing.zip"), "keep me");
        Result exists = command("backup", existing.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.err().strip()).isEqualTo("the backup file " + existing + " exists already: name a new file:"
                + " a backup never overwrites one");

        Result noDatabase = command("backup", temp.resolve("new.zip").toString(),
                "--exchange.database.embedded.data-directory=" + temp.resolve("nothing-here"));
        assertThat(noDatabase.exitCode()).isEqualTo(1);
        assertThat(noDatabase.err().strip()).isEqualTo("there is no database in " + temp.resolve("nothing-here")
                + ": name the exchange's data directory with --exchange.database.embedded.data-directory=<path>");

        Result notABackup = command("restore", existing.toString(), "--exchange.database.embedded.durable=false",
                "--exchange.database.embedded.data-directory=" + temp.resolve("restored"));
        assertThat(notABackup.exitCode()).isEqualTo(1);
        assertThat(notABackup.err().strip()).doesNotContain("\n").contains(existing.toString());
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        assertThat(command("backup").exitCode()).isEqualTo(2);
    }

    /** What a consumer is served: the log head and key, and every indicator with its TAXII headers. */
    private record Served(String checkpoint, String logKey, String objects, String dateAddedFirst, String dateAddedLast) {
    }

    private static Served served(WebTestClient client) {
        String checkpoint = text(client, "/log/checkpoint");
        String logKey = text(client, "/log/key");
        EntityExchangeResult<byte[]> objects = client.get().uri(INDICATORS + "objects/").header("Accept", TAXII)
                .exchange().expectStatus().isOk().expectHeader().valueEquals("Content-Type", TAXII)
                .expectBody().returnResult();
        return new Served(checkpoint, logKey, new String(objects.getResponseBody(), StandardCharsets.UTF_8),
                objects.getResponseHeaders().getFirst("X-TAXII-Date-Added-First"),
                objects.getResponseHeaders().getFirst("X-TAXII-Date-Added-Last"));
    }

    private static String text(WebTestClient client, String path) {
        return new String(client.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static synchronized Result command(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int exitCode = DatabaseCommand.run(args);
            return new Result(exitCode, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(ExchangeApplication.class)
                .run("--server.port=0", "--exchange.dev.enabled=true", "--exchange.database.url=", "--exchange.database.embedded.durable=false",
                        "--exchange.database.embedded.data-directory=" + dataDirectory);
    }

    /** A client calling as the demo member us-agency (an admin), with a token from {@code POST /dev/token}. */
    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        byte[] response = anonymous.post().uri("/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("member=us-agency").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String token = TestStix.parse(new String(response, StandardCharsets.UTF_8)).get("access_token").asString();
        return anonymous.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }
}

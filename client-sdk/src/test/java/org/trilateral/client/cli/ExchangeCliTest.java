package org.trilateral.client.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.client.RunningExchange;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CLI end to end against the real exchange: keys, publish, poll with a cursor, verify, watch (verified, against a
 * tampering exchange too), webhooks; and its exit codes.
 */
class ExchangeCliTest {

    private static final String IDENTITY = RunningExchange.MEMBER_IDENTITY;
    private static final String JP_AGENCY_IDENTITY = "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960";

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static String url;

    @BeforeAll
    static void start() {
        exchange = RunningExchange.start(directory.resolve("postgres"));
        url = exchange.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void publishPollVerifyWhenNewcomersFirstFiveMinutesThenEveryStepSucceeds() throws Exception {
        Path key = directory.resolve("member.jwk");
        Run generated = run("keys", "generate", "--out", key.toString());
        assertThat(generated.exitCode()).isZero();
        String kid = SigningKey.parse(Files.readString(key)).kid();
        Run registered = run("keys", "register", "--url", url, "--token", exchange.token(), "--key", key.toString());
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("registered key " + kid);
        assertThat(run("keys", "thumbprint", "--key", key.toString()).out().strip()).isEqualTo(kid);

        assertThat(run("login", "--url", url, "--token", exchange.token()).exitCode()).isZero();
        Run published = run("publish", "--url", url, "--token", exchange.token(), "--key", key.toString(), "--identity", IDENTITY,
                "--wallet", "eip155:1:0x2222222222222222222222222222222222222222", "--tlp", "amber");
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).startsWith("ACCEPTED indicator--");

        Path output = directory.resolve("objects.jsonl");
        Run polled = run("poll", "--url", url, "--token", exchange.token(), "--cursor", "cli", "--cursor-dir", directory.resolve("cursors").toString(),
                "--output", output.toString());
        assertThat(polled.exitCode()).isZero();
        assertThat(Files.readAllLines(output)).hasSize(1);
        assertThat(run("poll", "--url", url, "--token", exchange.token(), "--cursor", "cli", "--cursor-dir", directory.resolve("cursors").toString(),
                "--output", output.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(output)).as("resumed from the cursor: nothing twice").hasSize(1);

        String state = directory.resolve("five-minutes").toString();
        Run verified = run("verify", "--url", url, "--token", exchange.token(), "--file", output.toString(),
                "--trust-on-first-use", "--key", key.toString(), "--state-dir", state);
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("OK indicator--").contains(kid).contains("log index");

        Path tampered = directory.resolve("tampered.jsonl");
        Files.write(tampered, List.of(Files.readString(output).strip().replace("Payroll wallet", "Payroll walIet")));
        Run failed = run("verify", "--url", url, "--token", exchange.token(), "--file", tampered.toString(),
                "--trust-on-first-use", "--key", key.toString(), "--state-dir", state);
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.VERIFICATION);
        assertThat(failed.out()).contains("FAILED");
    }

    @Test
    void verifyWhenTheHubRegisteredAKeyForAnotherMemberWithoutItsProofThenRefused() throws Exception {
        // The hub's operator registers a key of its own for jp-agency through the admin API, a second admin of another
        // nation colluding to approve it, and publishes in jp-agency's name.
        SigningKey forged = SigningKey.generate();
        exchange.approve(exchange.requestKey("jp-agency", forged.publicKey()), "kr-agency");
        Path forgedKey = directory.resolve("forged.jwk");
        Files.writeString(forgedKey, forged.toPrivateJson().toString());
        Path bundle = directory.resolve("forged-bundle.json");
        Run published = run("publish", "--url", url, "--token", exchange.devToken("jp-agency"), "--key", forgedKey.toString(),
                "--identity", JP_AGENCY_IDENTITY, "--collection", "sightings", "--ip", "203.0.113.66");
        assertThat(published.exitCode()).as(published.out() + published.err()).isZero();

        Run run = run("verify", "--url", url, "--token", exchange.devToken("jp-crypto-exchange"), "--collection", "sightings",
                "--trust-on-first-use", "--state-dir", directory.resolve("third-member").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.VERIFICATION);
        assertThat(run.out()).contains("UNPROVEN_KEY").contains(forged.kid());
    }

    /** A new member key of the publishing member, registered by the member itself with its proof. */
    private static Path memberKey(String name) throws Exception {
        Path key = directory.resolve(name + ".jwk");
        assertThat(run("keys", "generate", "--out", key.toString()).exitCode()).isZero();
        Run registered = run("keys", "register", "--url", url, "--token", exchange.token(), "--key", key.toString());
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        return key;
    }

    private static Run publishIp(Path key, String collection, String ip) {
        return run("publish", "--url", url, "--token", exchange.token(), "--key", key.toString(), "--identity", IDENTITY,
                "--collection", collection, "--ip", ip);
    }

    @Test
    void pollWhenSmallPagesRequestedAheadAndResumedThenEveryObjectOnceAndEachVerifiedInBatches() throws Exception {
        Path key = memberKey("pages");
        for (int i = 1; i <= 5; i++) {
            assertThat(publishIp(key, "sightings", "198.51.100." + i).exitCode()).isZero();
        }
        Path output = directory.resolve("pages.jsonl");
        // Sightings: the other tests that read it do not count its objects.
        String[] poll = {"poll", "--url", url, "--token", exchange.token(), "--collection", "sightings", "--cursor", "pages", "--cursor-dir",
                directory.resolve("pages-cursors").toString(), "--limit", "2", "--pages-ahead", "2", "--output", output.toString()};

        assertThat(run(poll).exitCode()).isZero();
        assertThat(publishIp(key, "sightings", "198.51.100.6").exitCode()).isZero();
        assertThat(run(poll).exitCode()).isZero();

        List<String> ours = Files.readAllLines(output).stream().filter(line -> line.contains("198.51.100.")).toList();
        assertThat(ours).as("each object once, across pages and runs").hasSize(6).doesNotHaveDuplicates();
        Path mine = directory.resolve("pages-mine.jsonl");
        Files.write(mine, ours);
        Run verified = run("verify", "--url", url, "--token", exchange.token(), "--file", mine.toString(), "--batch", "2",
                "--batches-ahead", "1", "--threads", "2", "--trust-on-first-use", "--key", key.toString(),
                "--state-dir", directory.resolve("pages-state").toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("6 objects, 0 failed");
    }

    @Test
    void verifyCollectionWhenCursorGivenThenEachRunChecksOnlyNewObjectsAgainstTheLogWithTheKeyTrustedFirst() throws Exception {
        Path key = memberKey("collection");
        assertThat(publishIp(key, "advisories", "192.0.2.10").exitCode()).isZero();
        Path state = directory.resolve("collection");
        String[] verify = {"verify", "--url", url, "--token", exchange.token(), "--collection", "advisories",
                "--cursor", "audit", "--cursor-dir", directory.resolve("collection/cursors").toString(),
                "--trust-on-first-use", "--key", key.toString(), "--state-dir", state.toString()};

        Run first = run(verify);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("OK indicator--").contains("log index").contains("1 object, 0 failed");
        assertThat(first.err()).contains("trusting the log key");

        assertThat(publishIp(key, "advisories", "192.0.2.11").exitCode()).isZero();
        Run second = run(verify);
        assertThat(second.exitCode()).as(second.out()).isZero();
        assertThat(second.out()).contains("1 object, 0 failed");
        assertThat(second.err()).doesNotContain("trusting");
    }

    @Test
    void verifyWhenLogKeyIsNotTheLogsThenExitVerificationWithALinePerFailingObject() throws Exception {
        Path key = memberKey("wrong-log-key");
        Run published = publishIp(key, "sightings", "192.0.2.20");
        assertThat(published.exitCode()).isZero();
        String strangerKey = NoteSigner.generate("trilateral-exchange.example/log").verifierKey().format();

        Run run = run("verify", "--url", url, "--token", exchange.token(), "--collection", "sightings",
                "--log-key", strangerKey, "--key", key.toString(),
                "--state-dir", directory.resolve("wrong-log-key").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.VERIFICATION);
        assertThat(run.out() + run.err()).contains("FAILED");
    }

    @Test
    void watchWhenAChangeVerifiesThenItIsWrittenAndTheCursorMovesPastIt() throws Exception {
        Path key = memberKey("watch");
        long head = exchange.logSize();
        assertThat(publishIp(key, "sightings", "192.0.2.30").exitCode()).isZero();
        Path cursors = directory.resolve("watch-cursors");

        Run run = run("watch", "--url", url, "--token", exchange.token(), "--collection", "sightings",
                "--from", Long.toString(head), "--cursor", "live", "--cursor-dir", cursors.toString(), "--max-events", "1",
                "--trust-on-first-use", "--key", key.toString(), "--state-dir", directory.resolve("watch-state").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode event = StixJson.mapper().readTree(lines.get(0));
        assertThat(event.get("kind").stringValue()).isEqualTo("added");
        assertThat(event.get("object").get("pattern").stringValue()).contains("192.0.2.30");
        assertThat(cursor(cursors, url, "sightings", "live")).as("the cursor is after the line written")
                .isEqualTo(Long.toString(event.get("position").longValue() + 1));
    }

    @Test
    void watchWhenTheExchangeTampersWithAChangeThenRefusedNotWrittenAndTheCursorStaysBeforeIt() throws Exception {
        Path key = memberKey("watch-tampered");
        long head = exchange.logSize();
        assertThat(publishIp(key, "sightings", "192.0.2.31").exitCode()).isZero();
        assertThat(publishIp(key, "sightings", "192.0.2.32").exitCode()).isZero();
        JsonNode events = StixJson.mapper().readTree(read("/changes?collection=sightings&from=" + head)).get("events");
        assertThat(events).hasSize(2);
        JsonNode genuine = events.get(0);
        ObjectNode tampered = (ObjectNode) events.get(1).deepCopy();
        ((ObjectNode) tampered.get("object")).put("description", "a description the publisher never signed");
        // A misbehaving exchange: its stream sends the genuine change, then the tampered one; everything else (the log,
        // its checkpoints and openings) is the real exchange's.
        WireMockServer misbehaving = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        misbehaving.start();
        try {
            misbehaving.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(url)));
            misbehaving.stubFor(get(urlPathEqualTo("/changes/stream")).atPriority(1).willReturn(aResponse()
                    .withHeader("Content-Type", "text/event-stream").withBody(frame(genuine) + frame(tampered))));
            String misbehavingUrl = "http://127.0.0.1:" + misbehaving.port();
            Path cursors = directory.resolve("tampered-cursors");

            Run run = run("watch", "--url", misbehavingUrl, "--token", exchange.token(), "--collection", "sightings",
                    "--cursor", "live", "--cursor-dir", cursors.toString(), "--trust-on-first-use", "--key", key.toString(),
                    "--state-dir", directory.resolve("tampered-state").toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.VERIFICATION);
            assertThat(run.out().lines().toList()).as("only the genuine change is written").singleElement()
                    .satisfies(line -> assertThat(StixJson.mapper().readTree(line).get("id")).isEqualTo(genuine.get("id")));
            assertThat(run.err()).contains("FAILED").contains(tampered.get("id").stringValue()).contains("not written")
                    .contains("cursor 'live' stays before it");
            assertThat(cursor(cursors, misbehavingUrl, "sightings", "live"))
                    .as("the cursor is after the genuine change, before the tampered one")
                    .isEqualTo(Long.toString(genuine.get("position").longValue() + 1));
        } finally {
            misbehaving.stop();
        }
    }

    @Test
    void watchWhenNeitherLogKeyNorWitnessesNorTrustOnFirstUseThenRefusesToStart() {
        Run run = run("watch", "--url", url, "--token", exchange.token(), "--collection", "sightings",
                "--state-dir", directory.resolve("watch-nothing-pinned").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--log-key").contains("--witness").contains("--trust-on-first-use");
    }

    @Test
    void webhooksAddWhenAnHttpUrlThenRefusedWithTheExchangesReasonAndNothingRegistered() {
        String[] connection = {"--url", url, "--token", exchange.token()};
        Run before = run(concat(new String[] {"webhooks", "list"}, connection));

        Run run = run(concat(new String[] {"webhooks", "add", "http://203.0.113.10/hook"}, connection));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("url must be an https URL").contains("http is refused");
        assertThat(run(concat(new String[] {"webhooks", "list"}, connection)).out()).isEqualTo(before.out());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    /** A change as the exchange's stream frames it (docs/delivery.md): its id is the position after it. */
    private static String frame(JsonNode event) {
        return "id:" + (event.get("position").longValue() + 1) + "\nevent:" + event.get("kind").stringValue()
                + "\ndata:" + event + "\n\n";
    }

    private static String cursor(Path root, String exchangeUrl, String collection, String name) throws Exception {
        return Files.readString(CursorDirectory.of(root, URI.create(exchangeUrl), collection).resolve(name + ".cursor"))
                .strip();
    }

    private static String read(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + exchange.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void verifyWhenNeitherLogKeyNorWitnessesNorTrustOnFirstUseThenRefusesToStart() {
        Run run = run("verify", "--url", url, "--token", exchange.token(), "--collection", "sightings",
                "--state-dir", directory.resolve("nothing-pinned").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--log-key").contains("--witness").contains("--trust-on-first-use");
    }

    @Test
    void verifyWhenLogKeyIsNotAKeyThenUsageExitCode() {
        Run run = run("verify", "--url", url, "--token", exchange.token(), "--log-key", "not-a-key",
                "--state-dir", directory.resolve("bad-key").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--log-key is not a note verifier key");
    }

    @Test
    void publishWhenObjectRefusedThenExitCodeRefused() throws Exception {
        Path key = directory.resolve("refused.jwk");
        Files.writeString(key, SigningKey.generate().toPrivateJson().toString());
        Path bundle = directory.resolve("bundle.json");
        Files.writeString(bundle, "{\"type\":\"bundle\",\"id\":\"bundle--0f4a9a2e-6d1c-4c55-9f0a-7f1c9b0f2e11\",\"objects\":["
                + "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                + "\"pattern\":\"[not a pattern\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\"}]}");

        Run run = run("publish", "--url", url, "--token", exchange.token(), "--key", key.toString(), "--bundle", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.out()).startsWith("REFUSED indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
    }

    @Test
    void runWhenNoCommandThenUsageExitCode() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void publishWhenTwoSourcesGivenThenUsageExitCodeAndHint() {
        Run run = run("publish", "--wallet", "eip155:1:0x2222222222222222222222222222222222222222", "--ip", "192.0.2.1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("mutually exclusive").contains("exchange publish --help");
    }

    @Test
    void loginWhenExchangeUnreachableThenUnavailableExitCodeWithReadableError() {
        Run run = run("login", "--url", "http://localhost:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("exchange: could not connect to http://localhost:1: is the exchange running at");
    }

    @Test
    void helpWhenAskedOnACommandThenDescribesItsOptions() {
        Run run = run("poll", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--cursor").contains("--added-after");
    }
}

package org.trilateral.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.client.cli.ExchangeCli;
import org.trilateral.client.cli.ExitCodes;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook management through the SDK and the CLI against the real exchange (docs/delivery.md#webhooks, docs/sdk.md):
 * a member registers, lists, reads, pauses, resumes and deletes its own endpoints, reads their dead letters and replays
 * them; refusals arrive as the SDK's exceptions with the exchange's detail, and another member's endpoint is answered as
 * one that does not exist. The endpoint is WireMock on loopback (allowed by {@code exchange.webhooks.allowed-hosts}, over
 * {@code http} by {@code allow-http}); a short {@code retry-for} parks failing batches as dead letters within a second.
 */
class WebhookManagementTest {

    private static final String OTHER_MEMBER = "jp-agency";

    @TempDir
    static Path directory;

    private static RunningExchange exchange;
    private static WireMockServer endpoint;
    private static SigningKey memberKey;

    @BeforeAll
    static void start() {
        endpoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoint.start();
        exchange = RunningExchange.start(directory.resolve("postgres"), "--exchange.webhooks.allow-http=true",
                "--exchange.webhooks.allowed-hosts=127.0.0.1", "--exchange.webhooks.retry-poll=100ms",
                "--exchange.webhooks.initial-delay=50ms", "--exchange.webhooks.max-delay=100ms",
                "--exchange.webhooks.retry-for=300ms");
        memberKey = SigningKey.generate();
        exchange.clientBuilder().build().registerOwnKey(memberKey, memberKey, false);
    }

    @AfterAll
    static void stop() {
        exchange.close();
        endpoint.stop();
    }

    private static ExchangeClient client() {
        return exchange.clientBuilder().signingKey(memberKey).build();
    }

    private static ExchangeClient otherMember() {
        return ExchangeClient.builder().baseUrl(exchange.baseUrl())
                .credentials(Credentials.bearer(exchange.devToken(OTHER_MEMBER))).build();
    }

    private static URI hook(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    @Test
    void registerWhenAnEndpointOfTheMembersThenListedReadPausedResumedAndDeleted() {
        ExchangeClient client = client();

        Webhook registered = client.registerWebhook(WebhookRequest.to(hook("/registered")).withCollection("indicators")
                .withTypes("indicator", "sighting").withDescription("SOC intake"));

        assertThat(registered.id()).isNotBlank();
        assertThat(registered.url()).isEqualTo(hook("/registered"));
        assertThat(registered.collectionAlias()).contains("indicators");
        assertThat(registered.collection()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(registered.types()).containsExactly("indicator", "sighting");
        assertThat(registered.description()).isEqualTo("SOC intake");
        assertThat(registered.paused()).isFalse();
        assertThat(registered.lanes()).extracting(Webhook.Lane::name).containsExactlyInAnyOrder("advisories", "general");
        assertThat(registered.lanes()).allSatisfy(lane -> assertThat(lane.failing()).isFalse());
        assertThat(client.webhooks()).contains(registered);
        assertThat(client.webhook(registered.id())).isEqualTo(registered);

        assertThat(client.pauseWebhook(registered.id()).paused()).isTrue();
        assertThat(client.webhook(registered.id()).paused()).isTrue();
        assertThat(client.resumeWebhook(registered.id()).paused()).isFalse();

        client.deleteWebhook(registered.id());
        assertThat(client.webhooks()).extracting(Webhook::id).doesNotContain(registered.id());
        assertThatThrownBy(() -> client.webhook(registered.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void registerWhenTheExchangeRefusesTheUrlOrCollectionThenValidationExceptionWithTheExchangesDetail() {
        ExchangeClient client = client();
        int before = client.webhooks().size();

        assertThatThrownBy(() -> client.registerWebhook(WebhookRequest.to(URI.create("ftp://127.0.0.1/hook"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.error()).hasValueSatisfying(error ->
                            assertThat(error.description()).contains("url must be an https URL"));
                    assertThat(e.getMessage()).contains("url must be an https URL");
                });
        assertThatThrownBy(() -> client.registerWebhook(WebhookRequest.to(URI.create("http://user:secret@127.0.0.1/hook"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.error().orElseThrow().description())
                        .contains("must not carry user information"));
        assertThatThrownBy(() -> client.registerWebhook(WebhookRequest.to(URI.create("http://10.1.2.3/hook"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.error().orElseThrow().description())
                        .contains("10.1.2.3, which is not a public address"));
        assertThatThrownBy(() -> client.registerWebhook(WebhookRequest.to(hook("/x")).withCollection("no-such-collection")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.error().orElseThrow().description())
                        .contains("may read no collection 'no-such-collection'"));
        assertThatThrownBy(() -> client.registerWebhook(WebhookRequest.to(hook("/x")).withTypes("Not A Type")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.error().orElseThrow().description())
                        .contains("is not a STIX type"));
        assertThat(client.webhooks()).as("nothing refused was registered").hasSize(before);
    }

    @Test
    void webhookWhenAnotherMembersThenAnsweredAsOneThatDoesNotExistAndLeftAlone() {
        ExchangeClient owner = client();
        Webhook theirs = owner.registerWebhook(WebhookRequest.to(hook("/owned")));
        ExchangeClient outsider = otherMember();
        String missing = "00000000-0000-4000-8000-000000000000";

        NotFoundException other = catchNotFound(() -> outsider.webhook(theirs.id()));
        NotFoundException none = catchNotFound(() -> outsider.webhook(missing));

        assertThat(other.statusCode()).isEqualTo(none.statusCode()).isEqualTo(404);
        assertThat(other.error().orElseThrow().title()).isEqualTo(none.error().orElseThrow().title());
        assertThat(other.error().orElseThrow().description()).isEqualTo("no webhook '" + theirs.id() + "'");
        assertThat(other.error().orElseThrow().description().replace(theirs.id(), missing))
                .isEqualTo(none.error().orElseThrow().description());
        assertThat(outsider.webhooks()).extracting(Webhook::id).doesNotContain(theirs.id());
        catchNotFound(() -> outsider.deadLetters(theirs.id()));
        catchNotFound(() -> outsider.replayDeadLetters(theirs.id()));
        catchNotFound(() -> outsider.pauseWebhook(theirs.id()));
        catchNotFound(() -> outsider.deleteWebhook(theirs.id()));
        assertThat(owner.webhook(theirs.id())).as("the outsider changed nothing").isEqualTo(theirs);
        owner.deleteWebhook(theirs.id());
    }

    @Test
    void deadLettersWhenTheEndpointFailedForRetryForThenListedAndReplayedOnceItAccepts() {
        endpoint.stubFor(post(urlEqualTo("/failing")).willReturn(aResponse().withStatus(500)));
        ExchangeClient client = client();
        Webhook webhook = client.registerWebhook(WebhookRequest.to(hook("/failing")).withCollection("sightings"));
        ObjectNode wallet = new Indicators(RunningExchange.MEMBER_IDENTITY)
                .wallet("eip155:1:0x7777777777777777777777777777777777777777", Tlp.GREEN);
        assertThat(client.publish("sightings", List.of(wallet)).allAccepted()).isTrue();

        await(() -> !client.deadLetters(webhook.id()).isEmpty(), "a dead letter");
        WebhookDeadLetter letter = client.deadLetters(webhook.id()).get(0);
        assertThat(letter.lane()).isEqualTo("general");
        assertThat(letter.positions()).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(letter.from(), letter.to() - 1));
        assertThat(letter.idempotencyKey()).isEqualTo(webhook.id() + ":general:" + letter.from() + "-" + letter.to());
        assertThat(letter.attempts()).isPositive();
        assertThat(letter.lastError()).contains("500");
        assertThat(letter.lastAttempt()).isAfterOrEqualTo(letter.firstAttempt());
        assertThatThrownBy(() -> client.replayDeadLetter(webhook.id(), "00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.error().orElseThrow().description())
                        .contains("has no dead letter"));

        WebhookReplay refused = client.replayDeadLetter(webhook.id(), letter.id());
        assertThat(refused.replayed()).singleElement().satisfies(outcome -> {
            assertThat(outcome.deadLetter()).isEqualTo(letter.id());
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).hasValueSatisfying(error -> assertThat(error).contains("500"));
        });
        assertThat(refused.allDelivered()).isFalse();

        endpoint.stubFor(post(urlEqualTo("/failing")).willReturn(aResponse().withStatus(204)));
        WebhookReplay replay = client.replayDeadLetters(webhook.id());

        assertThat(replay.replayed()).isNotEmpty().allSatisfy(outcome -> assertThat(outcome.delivered()).isTrue());
        assertThat(replay.replayed()).extracting(WebhookReplay.Outcome::deadLetter).contains(letter.id());
        assertThat(replay.remaining()).isZero();
        assertThat(replay.allDelivered()).isTrue();
        assertThat(client.deadLetters(webhook.id())).isEmpty();
        List<LoggedRequest> replayed = endpoint.findAll(postRequestedFor(urlEqualTo("/failing"))).stream()
                .filter(request -> StixJson.mapper().readTree(request.getBodyAsString()).path("replay").asBoolean(false))
                .toList();
        assertThat(replayed).isNotEmpty().anySatisfy(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(letter.idempotencyKey());
            assertThat(request.getBodyAsString()).contains(wallet.get("id").stringValue());
        });
        client.deleteWebhook(webhook.id());
    }

    @Test
    void cliWhenManagingWebhooksThenJsonOutAndTheSdksRefusalsAsExitCodes() throws Exception {
        endpoint.stubFor(post(urlEqualTo("/cli")).willReturn(aResponse().withStatus(204)));
        String[] connection = {"--url", exchange.baseUrl().toString(), "--token", exchange.token()};

        Cli added = cli(concat(new String[] {"webhooks", "add", hook("/cli").toString(), "--collection", "indicators",
                "--type", "indicator", "--description", "from the CLI"}, connection));
        assertThat(added.code()).as(added.err()).isZero();
        JsonNode webhook = StixJson.mapper().readTree(added.out());
        String id = webhook.get("id").stringValue();
        assertThat(webhook.get("url").stringValue()).isEqualTo(hook("/cli").toString());
        assertThat(webhook.get("collection_alias").stringValue()).isEqualTo("indicators");
        assertThat(webhook.get("types").get(0).stringValue()).isEqualTo("indicator");
        assertThat(webhook.get("lanes").size()).isEqualTo(2);

        Cli listed = cli(concat(new String[] {"webhooks", "list"}, connection));
        assertThat(listed.out().lines().map(line -> StixJson.mapper().readTree(line).get("id").stringValue()))
                .contains(id);
        assertThat(StixJson.mapper().readTree(cli(concat(new String[] {"webhooks", "show", id}, connection)).out()))
                .isEqualTo(webhook);
        assertThat(StixJson.mapper().readTree(cli(concat(new String[] {"webhooks", "pause", id}, connection)).out())
                .get("paused").booleanValue()).isTrue();
        assertThat(StixJson.mapper().readTree(cli(concat(new String[] {"webhooks", "resume", id}, connection)).out())
                .get("paused").booleanValue()).isFalse();
        Cli letters = cli(concat(new String[] {"webhooks", "dead-letters", id}, connection));
        assertThat(letters.code()).isZero();
        assertThat(letters.out()).isEmpty();
        Cli replay = cli(concat(new String[] {"webhooks", "replay", id}, connection));
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(StixJson.mapper().readTree(replay.out()).get("remaining").longValue()).isZero();

        Cli refused = cli(concat(new String[] {"webhooks", "add", "ftp://127.0.0.1/hook"}, connection));
        assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("url must be an https URL");
        Cli foreign = cli("webhooks", "show", id, "--url", exchange.baseUrl().toString(), "--token",
                exchange.devToken(OTHER_MEMBER));
        assertThat(foreign.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(foreign.err()).contains("no webhook '" + id + "'");

        Cli removed = cli(concat(new String[] {"webhooks", "remove", id}, connection));
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(StixJson.mapper().readTree(removed.out()).get("deleted").booleanValue()).isTrue();
        Cli gone = cli(concat(new String[] {"webhooks", "show", id}, connection));
        assertThat(gone.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(gone.err()).contains("no webhook '" + id + "'");
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExchangeCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    private static NotFoundException catchNotFound(Runnable call) {
        try {
            call.run();
        } catch (NotFoundException e) {
            return e;
        }
        throw new AssertionError("expected 404 (NotFoundException)");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 30 s");
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

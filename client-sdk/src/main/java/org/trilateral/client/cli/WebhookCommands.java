package org.trilateral.client.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.Webhook;
import org.trilateral.client.WebhookDeadLetter;
import org.trilateral.client.WebhookReplay;
import org.trilateral.client.WebhookRequest;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code exchange webhooks add|list|show|pause|resume|remove|dead-letters|replay}: the member's own webhook endpoints
 * (docs/delivery.md#webhooks), through its own token. Output is JSON, one line per endpoint, dead letter or answer,
 * with the member API's field names.
 */
final class WebhookCommands {

    private WebhookCommands() {
    }

    @Command(name = "webhooks", mixinStandardHelpOptions = true,
            description = {"Your webhook endpoints: the exchange POSTs the changes you may read to them, signed with its"
                    + " log key (verify deliveries with the SDK's WebhookVerifier). Register, list, show, pause, resume"
                    + " and remove them; read their dead letters and replay them."},
            subcommands = {Add.class, List.class, Show.class, Pause.class, Resume.class, Remove.class, DeadLetters.class,
                    Replay.class})
    static final class Group implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a webhooks command is required (add, list,"
                    + " show, pause, resume, remove, dead-letters, replay)");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Register an endpoint: the exchange delivers to it what is appended from now on. Prints the"
                    + " endpoint as JSON; its \"id\" is what a delivery's signature names. The exchange refuses a URL"
                    + " that is not absolute https, carries credentials or a fragment, or whose host is not a public"
                    + " address (exit code 3, its reason on stderr)."})
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ENDPOINT_URL", description = "The endpoint's absolute https URL.")
        String endpoint;

        @Option(names = "--collection", description = "Only this collection (id or alias; default: every collection"
                + " you may read).")
        String collection;

        @Option(names = "--type", split = ",", description = "Only these STIX types (default: every type).")
        java.util.List<String> types = new ArrayList<>();

        @Option(names = "--description", description = "A note for your own use.")
        String description;

        @Override
        public Integer call() {
            URI url;
            try {
                url = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "ENDPOINT_URL '" + endpoint
                        + "' is not a URL: " + e.getReason());
            }
            WebhookRequest request = WebhookRequest.to(url).withCollection(collection)
                    .withTypes(types.toArray(String[]::new)).withDescription(description);
            print(spec, json(connection.builder().build().registerWebhook(request)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Your endpoints, one JSON line each, with their lanes.")
    static final class List implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (Webhook webhook : connection.builder().build().webhooks()) {
                print(spec, json(webhook));
            }
            return ExitCodes.OK;
        }
    }

    /** A command about one of the member's endpoints: the connection, the output, and the endpoint's id. */
    abstract static class OneEndpoint implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "WEBHOOK_ID", description = "The endpoint's id.")
        String id;

        ExchangeClient client() {
            return connection.builder().build();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One endpoint as JSON with its lanes: how far each is delivered and, while a batch fails,"
                    + " its attempts, next attempt and last error."})
    static final class Show extends OneEndpoint {

        @Override
        public Integer call() {
            print(spec, json(client().webhook(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause deliveries to an endpoint; its lanes keep their positions. Prints the endpoint.")
    static final class Pause extends OneEndpoint {

        @Override
        public Integer call() {
            print(spec, json(client().pauseWebhook(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume deliveries to a paused endpoint, from where its lanes stopped. Prints the endpoint.")
    static final class Resume extends OneEndpoint {

        @Override
        public Integer call() {
            print(spec, json(client().resumeWebhook(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Delete an endpoint with its lanes and dead letters; deliveries stop. Prints"
                    + " {\"id\":…,\"deleted\":true}."})
    static final class Remove extends OneEndpoint {

        @Override
        public Integer call() {
            client().deleteWebhook(id);
            print(spec, StixJson.mapper().createObjectNode().put("id", id).put("deleted", true));
            return ExitCodes.OK;
        }
    }

    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = {"The batches an endpoint did not accept for exchange.webhooks.retry-for, oldest first, one"
                    + " JSON line each: id, lane, from, to, positions, idempotency_key, attempts, first_attempt,"
                    + " last_attempt, last_error."})
    static final class DeadLetters extends OneEndpoint {

        @Override
        public Integer call() {
            for (WebhookDeadLetter letter : client().deadLetters(id)) {
                print(spec, json(letter));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send an endpoint's dead letters again, in order, stopping at the first it does not accept"
                    + " (or only --dead-letter). Prints {\"replayed\":[{id, delivered, events, error}], \"remaining\":N};"
                    + " exit code 5 when a letter was not delivered (it stays, with the new error)."})
    static final class Replay extends OneEndpoint {
        @Option(names = "--dead-letter", description = "Only this dead letter (its id, from dead-letters).")
        String deadLetter;

        @Override
        public Integer call() {
            ExchangeClient client = client();
            WebhookReplay replay = deadLetter == null ? client.replayDeadLetters(id)
                    : client.replayDeadLetter(id, deadLetter);
            print(spec, json(replay));
            boolean failed = replay.replayed().stream().anyMatch(outcome -> !outcome.delivered());
            if (failed) {
                spec.commandLine().getErr().println("exchange: the endpoint did not accept a replayed dead letter; "
                        + replay.remaining() + " remain");
                return ExitCodes.UNAVAILABLE;
            }
            return ExitCodes.OK;
        }
    }

    private static void print(CommandLine.Model.CommandSpec spec, ObjectNode json) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(StixJson.mapper().writeValueAsString(json));
        out.flush();
    }

    static ObjectNode json(Webhook webhook) {
        ObjectNode json = StixJson.mapper().createObjectNode().put("id", webhook.id()).put("url", webhook.url().toString());
        webhook.collection().ifPresent(c -> json.put("collection", c));
        webhook.collectionAlias().ifPresent(a -> json.put("collection_alias", a));
        ArrayNode types = json.putArray("types");
        webhook.types().forEach(types::add);
        json.put("description", webhook.description()).put("paused", webhook.paused())
                .put("created", webhook.created().toString());
        ArrayNode lanes = json.putArray("lanes");
        for (Webhook.Lane lane : webhook.lanes()) {
            ObjectNode item = lanes.addObject().put("lane", lane.name()).put("position", lane.position());
            if (lane.failing()) {
                item.put("pending_to", lane.pendingTo().getAsLong()).put("attempts", lane.attempts());
                lane.firstFailure().ifPresent(t -> item.put("first_failure", t.toString()));
                lane.nextAttempt().ifPresent(t -> item.put("next_attempt", t.toString()));
                lane.lastError().ifPresent(e -> item.put("last_error", e));
            }
        }
        return json;
    }

    static ObjectNode json(WebhookDeadLetter letter) {
        ObjectNode json = StixJson.mapper().createObjectNode().put("id", letter.id()).put("lane", letter.lane())
                .put("from", letter.from()).put("to", letter.to());
        ArrayNode positions = json.putArray("positions");
        letter.positions().forEach(positions::add);
        return json.put("idempotency_key", letter.idempotencyKey()).put("attempts", letter.attempts())
                .put("first_attempt", letter.firstAttempt().toString()).put("last_attempt", letter.lastAttempt().toString())
                .put("last_error", letter.lastError());
    }

    static ObjectNode json(WebhookReplay replay) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        ArrayNode replayed = json.putArray("replayed");
        for (WebhookReplay.Outcome outcome : replay.replayed()) {
            ObjectNode item = replayed.addObject().put("id", outcome.deadLetter()).put("delivered", outcome.delivered())
                    .put("events", outcome.events());
            Optional<String> error = outcome.error();
            error.ifPresent(e -> item.put("error", e));
        }
        return json.put("remaining", replay.remaining());
    }
}

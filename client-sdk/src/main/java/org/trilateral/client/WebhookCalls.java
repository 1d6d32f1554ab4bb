package org.trilateral.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.HttpResult;
import org.trilateral.client.internal.Transport;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The member API of webhooks on the client side ({@code /webhooks}, docs/delivery.md#webhooks): sends each call with
 * the member's token and reads the answer into its record. Refusals arrive as the exception of their kind with the
 * exchange's problem detail ({@link ExchangeException#error()}); another member's endpoint is a
 * {@link NotFoundException}, as one that does not exist.
 */
final class WebhookCalls {

    private static final String JSON = "application/json";

    private final Transport transport;
    private final URI base;

    /** @param base the exchange's base URL, with a trailing slash */
    WebhookCalls(Transport transport, URI base) {
        this.transport = transport;
        this.base = base;
    }

    Webhook register(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = StixJson.mapper().createObjectNode().put("url", request.url().toString());
        if (request.collection() != null) {
            body.put("collection", request.collection());
        }
        if (!request.types().isEmpty()) {
            request.types().forEach(body.putArray("types")::add);
        }
        if (!request.description().isEmpty()) {
            body.put("description", request.description());
        }
        // Sent once: a registration repeated after the exchange acted on it would register a second endpoint.
        HttpResult answer = transport.sendOnce(HttpCall.post(base.resolve("webhooks"), JSON, JSON,
                StixJson.mapper().writeValueAsBytes(body)));
        return read(answer, Webhook::parse);
    }

    List<Webhook> list() {
        return read(transport.send(HttpCall.get(base.resolve("webhooks"), JSON)), json -> {
            List<Webhook> webhooks = new ArrayList<>();
            json.get("webhooks").forEach(item -> webhooks.add(Webhook.parse(item)));
            return webhooks;
        });
    }

    Webhook get(String id) {
        return read(transport.send(HttpCall.get(uri(id, ""), JSON)), Webhook::parse);
    }

    void delete(String id) {
        transport.send(new HttpCall("DELETE", uri(id, ""), Map.of("Accept", JSON), null, true));
    }

    Webhook pause(String id, boolean paused) {
        return read(transport.send(HttpCall.post(uri(id, paused ? "/pause" : "/resume"), JSON, JSON, new byte[0])),
                Webhook::parse);
    }

    List<WebhookDeadLetter> deadLetters(String id) {
        return read(transport.send(HttpCall.get(uri(id, "/dead-letters"), JSON)), json -> {
            List<WebhookDeadLetter> letters = new ArrayList<>();
            json.get("dead_letters").forEach(item -> letters.add(WebhookDeadLetter.parse(item)));
            return letters;
        });
    }

    WebhookReplay replay(String id, String deadLetter) {
        URI uri = uri(id, deadLetter == null ? "/dead-letters/replay"
                : "/dead-letters/" + encode(deadLetter) + "/replay");
        return read(transport.send(HttpCall.post(uri, JSON, JSON, new byte[0])), WebhookReplay::parse);
    }

    private URI uri(String id, String suffix) {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw new IllegalArgumentException("a webhook id is required");
        }
        return base.resolve("webhooks/" + encode(id) + suffix);
    }

    /** The answer read into its record; an answer that is not the API's is a {@link ServerException}. */
    private static <T> T read(HttpResult answer, Function<JsonNode, T> parser) {
        JsonNode json = answer.json();
        try {
            return parser.apply(json);
        } catch (RuntimeException e) {
            throw new ServerException("the answer of " + answer.uri() + " is not what the webhook API answers: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

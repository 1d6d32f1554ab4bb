package org.trilateral.exchange.delivery.webhook;

import java.util.List;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Webhooks, their lanes and dead letters as the member API answers them (docs/delivery.md#webhooks). */
final class WebhookJson {

    private WebhookJson() {
    }

    static ObjectNode endpoint(WebhookEndpoint endpoint, List<LaneState> lanes, long deadLetters,
                               CollectionRegistry collections) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        json.put("id", endpoint.id());
        json.put("url", endpoint.url().toString());
        endpoint.collection().ifPresent(id -> {
            json.put("collection", id);
            collections.find(id).map(TaxiiCollection::alias).ifPresent(alias -> json.put("collection_alias", alias));
        });
        ArrayNode types = json.putArray("types");
        endpoint.types().stream().sorted().forEach(types::add);
        json.put("description", endpoint.description());
        json.put("paused", endpoint.paused());
        json.put("state", endpoint.suspension().isPresent() ? "suspended" : endpoint.paused() ? "paused" : "active");
        endpoint.suspension().ifPresent(suspension -> json.putObject("suspended")
                .put("since", suspension.since().toString()).put("reason", suspension.reason()));
        json.put("dead_letters", deadLetters);
        json.put("created", endpoint.created().toString());
        ArrayNode array = json.putArray("lanes");
        for (LaneState lane : lanes) {
            ObjectNode item = array.addObject();
            item.put("lane", lane.lane().value());
            item.put("position", lane.cursor());
            if (lane.pendingTo().isPresent()) {
                item.put("pending_to", lane.pendingTo().getAsLong());
                item.put("attempts", lane.attempts());
                lane.firstFailure().ifPresent(t -> item.put("first_failure", t.toString()));
                lane.nextAttempt().ifPresent(t -> item.put("next_attempt", t.toString()));
                lane.lastError().ifPresent(e -> item.put("last_error", e));
            }
        }
        return json;
    }

    static ObjectNode deadLetter(DeadLetter letter) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        json.put("id", letter.id());
        json.put("lane", letter.lane().value());
        json.put("from", letter.from());
        json.put("to", letter.to());
        ArrayNode positions = json.putArray("positions");
        letter.positions().forEach(positions::add);
        json.put("idempotency_key", letter.idempotencyKey());
        json.put("attempts", letter.attempts());
        json.put("first_attempt", letter.firstAttempt().toString());
        json.put("last_attempt", letter.lastAttempt().toString());
        json.put("last_error", letter.lastError());
        return json;
    }

    static ObjectNode deleted(long deleted, long remaining) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        json.put("deleted", deleted);
        json.put("remaining", remaining);
        return json;
    }

    static ObjectNode replayed(List<DeadLetterReplay.Outcome> outcomes, long remaining) {
        ObjectNode json = StixJson.mapper().createObjectNode();
        ArrayNode array = json.putArray("replayed");
        for (DeadLetterReplay.Outcome outcome : outcomes) {
            ObjectNode item = array.addObject();
            item.put("id", outcome.letter().id());
            item.put("delivered", outcome.delivered());
            item.put("events", outcome.events());
            if (!outcome.delivered()) {
                item.put("error", outcome.error());
            }
        }
        json.put("remaining", remaining);
        return json;
    }
}

package org.trilateral.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a replay of dead letters did ({@code POST /webhooks/{id}/dead-letters/replay}, docs/delivery.md#webhooks): each
 * letter tried, in order (a replay of all stops at the first the endpoint does not accept), and how many are left.
 *
 * @param replayed  one outcome per letter tried
 * @param remaining the endpoint's dead letters left after the replay
 */
public record WebhookReplay(List<Outcome> replayed, long remaining) {

    public WebhookReplay {
        replayed = List.copyOf(replayed);
    }

    /**
     * One dead letter replayed.
     *
     * @param deadLetter the dead letter's id
     * @param delivered  whether the endpoint accepted it (it is then removed; else it stays with the new error)
     * @param events     the events it carried, read again through the member's read rule as it is now
     * @param error      why the endpoint did not accept it
     */
    public record Outcome(String deadLetter, boolean delivered, int events, Optional<String> error) {
    }

    /** Whether every letter tried was delivered and none remain. */
    public boolean allDelivered() {
        return remaining == 0 && replayed.stream().allMatch(Outcome::delivered);
    }

    static WebhookReplay parse(JsonNode json) {
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode item : json.path("replayed")) {
            outcomes.add(new Outcome(item.get("id").stringValue(), item.get("delivered").booleanValue(),
                    item.path("events").asInt(0), Webhook.text(item, "error")));
        }
        return new WebhookReplay(outcomes, json.get("remaining").longValue());
    }
}

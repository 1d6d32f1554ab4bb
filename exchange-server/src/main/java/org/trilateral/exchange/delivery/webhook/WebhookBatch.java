package org.trilateral.exchange.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trilateral.exchange.delivery.ChangeFeed;

/**
 * The events of one delivery: a lane's range of positions {@code [from, to)} and the events in it that the member may
 * read, in position order.
 *
 * @param replay whether it is a dead letter sent again at the member's request (out of its lane's order)
 */
record WebhookBatch(String endpointId, Lane lane, long from, long to, List<ChangeFeed.Rendered> events, boolean replay) {

    WebhookBatch {
        events = List.copyOf(events);
    }

    /**
     * The idempotency key of a range: the same for every attempt and replay of it, and different for any other range,
     * lane or endpoint, so a receiver that keeps the keys it has handled drops a repeated delivery.
     */
    static String idempotencyKey(String endpointId, Lane lane, long from, long to) {
        return endpointId + ":" + lane.value() + ":" + from + "-" + to;
    }

    String idempotencyKey() {
        return idempotencyKey(endpointId, lane, from, to);
    }

    List<Long> positions() {
        return events.stream().map(e -> e.event().position()).toList();
    }

    /**
     * The body (docs/delivery.md#webhooks): {@code {"endpoint":…,"lane":…,"from":F,"next":T,"events":[…]}}, each event
     * exactly as the change feed renders it; {@code next} is the position the lane continues from once it is accepted; a
     * replayed dead letter also has {@code "replay":true}.
     */
    byte[] body() {
        StringBuilder json = new StringBuilder(256 + events.stream().mapToInt(e -> e.json().length() + 1).sum());
        json.append("{\"endpoint\":\"").append(endpointId)
                .append("\",\"lane\":\"").append(lane.value())
                .append("\",\"from\":").append(from).append(",\"next\":").append(to).append(replay ? ",\"replay\":true" : "").append(",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "" : ",").append(events.get(i).json());
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}

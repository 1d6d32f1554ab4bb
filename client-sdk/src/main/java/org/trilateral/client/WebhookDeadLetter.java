package org.trilateral.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A batch an endpoint did not accept for {@code exchange.webhooks.retry-for}, parked so its lane could move on
 * ({@code GET /webhooks/{id}/dead-letters}, docs/delivery.md, "Retries and dead letters"). Replay it with
 * {@link ExchangeClient#replayDeadLetter}.
 *
 * @param id             the dead letter's id
 * @param lane           {@code advisories} or {@code general}
 * @param from           the first log position of its range
 * @param to             the position after its range
 * @param positions      the positions in the range that held events for the endpoint
 * @param idempotencyKey the {@code Idempotency-Key} its deliveries carried (and its replay carries)
 * @param attempts       the attempts made
 * @param firstAttempt   the first attempt
 * @param lastAttempt    the last attempt
 * @param lastError      why the last attempt failed: the status code, or why no answer came
 */
public record WebhookDeadLetter(String id, String lane, long from, long to, List<Long> positions, String idempotencyKey,
                                int attempts, Instant firstAttempt, Instant lastAttempt, String lastError) {

    public WebhookDeadLetter {
        Objects.requireNonNull(id, "id");
        positions = List.copyOf(positions);
    }

    static WebhookDeadLetter parse(JsonNode json) {
        List<Long> positions = new ArrayList<>();
        json.path("positions").forEach(position -> positions.add(position.longValue()));
        return new WebhookDeadLetter(json.get("id").stringValue(), json.get("lane").stringValue(),
                json.get("from").longValue(), json.get("to").longValue(), positions,
                json.get("idempotency_key").stringValue(), json.path("attempts").asInt(0),
                Instant.parse(json.get("first_attempt").stringValue()), Instant.parse(json.get("last_attempt").stringValue()),
                json.path("last_error").asString(""));
    }
}

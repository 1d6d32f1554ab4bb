package org.trilateral.client;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * One of this member's webhook endpoints as the exchange answers it ({@code GET /webhooks/{id}},
 * docs/delivery.md#webhooks).
 *
 * @param id              the endpoint's id: the {@code webhook} a delivery's signature names (give it to
 *                        {@link WebhookVerifier.Builder#endpoint})
 * @param url             where deliveries go
 * @param collection      the collection's id, when the endpoint names one (else every collection the member may read)
 * @param collectionAlias that collection's alias, when it has one
 * @param types           the STIX types delivered (empty: every type)
 * @param description     the member's note
 * @param paused          whether deliveries are paused (the lanes keep their positions)
 * @param created         when it was registered
 * @param lanes           its lanes ({@code advisories}, {@code general}) and how far each is delivered
 */
public record Webhook(String id, URI url, Optional<String> collection, Optional<String> collectionAlias,
                      List<String> types, String description, boolean paused, Instant created, List<Lane> lanes) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        types = List.copyOf(types);
        lanes = List.copyOf(lanes);
    }

    /**
     * A lane of an endpoint: delivered in position order, one request at a time.
     *
     * @param name         {@code advisories} or {@code general}
     * @param position     the log position delivered up to
     * @param pendingTo    while a batch fails: the end of its range
     * @param attempts     while a batch fails: the attempts made
     * @param firstFailure while a batch fails: its first failure
     * @param nextAttempt  while a batch fails: when it is tried again
     * @param lastError    while a batch fails: the last error (a status code, or why no answer came)
     */
    public record Lane(String name, long position, OptionalLong pendingTo, int attempts, Optional<Instant> firstFailure,
                       Optional<Instant> nextAttempt, Optional<String> lastError) {

        /** Whether a batch of this lane is failing (being retried). */
        public boolean failing() {
            return pendingTo.isPresent();
        }
    }

    static Webhook parse(JsonNode json) {
        List<String> types = new ArrayList<>();
        json.path("types").forEach(type -> types.add(type.stringValue()));
        List<Lane> lanes = new ArrayList<>();
        for (JsonNode lane : json.path("lanes")) {
            lanes.add(new Lane(lane.get("lane").stringValue(), lane.get("position").longValue(),
                    lane.has("pending_to") ? OptionalLong.of(lane.get("pending_to").longValue()) : OptionalLong.empty(),
                    lane.path("attempts").asInt(0), instant(lane, "first_failure"), instant(lane, "next_attempt"),
                    text(lane, "last_error")));
        }
        return new Webhook(json.get("id").stringValue(), URI.create(json.get("url").stringValue()),
                text(json, "collection"), text(json, "collection_alias"), types, json.path("description").asString(""),
                json.path("paused").asBoolean(false), Instant.parse(json.get("created").stringValue()), lanes);
    }

    static Optional<String> text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    static Optional<Instant> instant(JsonNode json, String name) {
        return text(json, name).map(Instant::parse);
    }
}

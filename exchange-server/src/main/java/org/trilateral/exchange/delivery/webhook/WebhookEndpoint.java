package org.trilateral.exchange.delivery.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trilateral.exchange.member.MemberId;

/**
 * A member's registered endpoint.
 *
 * @param id          the endpoint's id (a UUID), named in every delivery to it
 * @param member      the member that registered it, whose read rule every delivery obeys
 * @param url         where deliveries are POSTed
 * @param collection  the one collection's id it wants, or empty for every collection the member may read
 * @param types       the STIX types it wants; empty for every type
 * @param description the member's own note
 * @param paused      whether deliveries are held (they resume from the same position)
 * @param created     when it was registered
 * @param suspension  why and since when nothing is delivered to it, when its dead letters reached
 *                    {@code exchange.webhooks.max-dead-letters}
 */
record WebhookEndpoint(String id, MemberId member, URI url, Optional<String> collection, Set<String> types,
                       String description, boolean paused, Instant created, Optional<Suspension> suspension) {

    /** Deliveries held by the exchange, not the member, until its dead letters are replayed or deleted. */
    record Suspension(Instant since, String reason) {
    }

    WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(collection, "collection");
        types = Set.copyOf(types);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(suspension, "suspension");
    }

    /** Whether deliveries may be attempted: neither paused by the member nor suspended. */
    boolean active() {
        return !paused && suspension.isEmpty();
    }
}

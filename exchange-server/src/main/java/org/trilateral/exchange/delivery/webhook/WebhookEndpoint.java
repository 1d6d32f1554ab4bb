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
 */
record WebhookEndpoint(String id, MemberId member, URI url, Optional<String> collection, Set<String> types,
                       String description, boolean paused, Instant created) {

    WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(collection, "collection");
        types = Set.copyOf(types);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(created, "created");
    }
}

package org.trilateral.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An endpoint to register ({@code POST /webhooks}, docs/delivery.md#webhooks): where the exchange POSTs the changes
 * this member may read, of which collection and types. Immutable; each {@code with…} answers a copy. The exchange
 * checks the URL (absolute {@code https}, no credentials or fragment, a public address) and the collection, and
 * refuses with a {@link ValidationException} whose {@link TaxiiError#description()} names what is wrong.
 *
 * @param url         the endpoint's absolute {@code https} URL
 * @param collection  a collection id or alias the member may read, or null for every collection it may read
 * @param types       only these STIX types (empty: every type)
 * @param description a note for the member's own use, or empty
 */
public record WebhookRequest(URI url, String collection, List<String> types, String description) {

    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        types = List.copyOf(types);
        description = description == null ? "" : description;
    }

    /** Every collection the member may read, every type, delivered to {@code url}. */
    public static WebhookRequest to(URI url) {
        return new WebhookRequest(url, null, List.of(), "");
    }

    /** Only the changes of {@code value} (a collection id or alias; null: every collection the member may read). */
    public WebhookRequest withCollection(String value) {
        return new WebhookRequest(url, value, types, description);
    }

    /** Only these STIX types (none: every type). */
    public WebhookRequest withTypes(String... values) {
        return new WebhookRequest(url, collection, List.of(values), description);
    }

    /** A note for the member's own use (at most 1,000 characters). */
    public WebhookRequest withDescription(String value) {
        return new WebhookRequest(url, collection, types, value);
    }
}

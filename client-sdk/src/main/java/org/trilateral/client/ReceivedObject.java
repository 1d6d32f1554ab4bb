package org.trilateral.client;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One object version read from a collection, as the exchange served it.
 *
 * @param collection the collection it was read from, as requested
 * @param object the STIX object, parsed with the exchange's mapper (exact decimals, no duplicate names)
 */
public record ReceivedObject(String collection, JsonNode object) {

    public ReceivedObject {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(object, "object");
    }

    /** The object's {@code id}, or null when it has none. */
    public String id() {
        return ObjectVersions.idOf(object);
    }

    /** The object's version: {@code modified}, else {@code created}, else null (STIX 2.1 §3.6). */
    public String version() {
        return ObjectVersions.versionOf(object);
    }
}

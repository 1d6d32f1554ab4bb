package org.trilateral.integrity.log;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a sealed leaf commits to, revealed only to members who may read the object: an accepted object version or
 * the deletion of one. The entry's RFC 8785 text, salted, is the leaf's commitment.
 */
public sealed interface SealedEntry permits ObjectVersionRecord, TombstoneRecord {

    /** The collection's id. */
    String collection();

    /** The object's STIX id. */
    String id();

    /** The version, exactly as the exchange stores and serves it (TAXII 2.1 §3.5.1). */
    String version();

    /** The member that published the version (for a tombstone, the deleted version). */
    String publisher();

    /** Who may read the version, and so the entry. */
    Audience audience();

    /** When the log appended the entry (RFC 3339, UTC, microseconds). */
    String accepted();

    /** The entry's members. */
    ObjectNode toJson();

    /**
     * Reads an entry.
     *
     * @throws LeafFormatException naming what is missing or malformed
     */
    static SealedEntry parse(JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            throw new LeafFormatException("an entry is a JSON object");
        }
        String kind = entry.path("kind").asString("");
        return switch (kind) {
            case ObjectVersionRecord.KIND -> ObjectVersionRecord.parse(entry);
            case TombstoneRecord.KIND -> TombstoneRecord.parse(entry);
            default -> throw new LeafFormatException("the entry's kind \"" + kind + "\" is not object-version or tombstone");
        };
    }
}

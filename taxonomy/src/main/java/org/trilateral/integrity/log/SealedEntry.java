package org.trilateral.integrity.log;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a sealed leaf commits to, revealed only to members who may read the object: an accepted object version, the
 * deletion of one, or its expiry. The entry's RFC 8785 text, salted, is the leaf's commitment.
 */
public sealed interface SealedEntry permits ObjectVersionRecord, TombstoneRecord, ExpiryRecord {

    /** The collection's id. */
    String collection();

    /** The object's STIX id. */
    String id();

    /** The version, exactly as the exchange stores and serves it (TAXII 2.1 §3.5.1). */
    String version();

    /** The member that published the version (for a tombstone or an expiry, the version it is about). */
    String publisher();

    /** Who may read the version, and so the entry. */
    Audience audience();

    /** When the log appended the entry (RFC 3339, UTC, microseconds). */
    String accepted();

    /** The entry's members. */
    ObjectNode toJson();

    /**
     * Checks what every entry holds, whatever its kind: the object it is about and who may read it.
     *
     * @throws LeafFormatException when {@code objectSha256} is not 64 lowercase hex digits
     */
    static void requireObject(String collection, String id, String version, String objectSha256, String publisher,
                              Audience audience, String accepted) {
        java.util.Objects.requireNonNull(collection, "collection");
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(version, "version");
        java.util.Objects.requireNonNull(publisher, "publisher");
        java.util.Objects.requireNonNull(audience, "audience");
        java.util.Objects.requireNonNull(accepted, "accepted");
        if (objectSha256 == null || !objectSha256.matches("[0-9a-f]{64}")) {
            throw new LeafFormatException("object_sha256 is 64 lowercase hex digits");
        }
    }

    /** The members every entry starts with: its kind and the object version it is about. */
    static ObjectNode head(String kind, String collection, String id, String version, String objectSha256,
                           String publisher) {
        ObjectNode entry = org.trilateral.integrity.jcs.StrictJson.mapper().createObjectNode();
        entry.put("kind", kind);
        entry.put("collection", collection);
        entry.put("id", id);
        entry.put("version", version);
        entry.put("object_sha256", objectSha256);
        entry.put("publisher", publisher);
        return entry;
    }

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
            case ExpiryRecord.KIND -> ExpiryRecord.parse(entry);
            default -> throw new LeafFormatException("the entry's kind \"" + kind
                    + "\" is not object-version, tombstone or expiry");
        };
    }
}

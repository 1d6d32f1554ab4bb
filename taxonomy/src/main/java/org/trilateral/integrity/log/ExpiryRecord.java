package org.trilateral.integrity.log;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The expiry of an object version, as its sealed leaf commits to it:
 * {@code {"kind":"expiry","collection","id","version","object_sha256","publisher","valid_until","audience",
 * "accepted"}}. The exchange appends it once the version's {@code valid_until} (STIX 2.1 §4.7) has passed, while it is
 * the object's latest version and not revoked; the version stays stored (a reader that asks for invalid objects still
 * gets it), but the default feeds and screening leave it out from then on. Readable by the version's readers, like the
 * version's own leaf, so each of them learns of the expiry in the log's order (docs/delivery.md).
 *
 * @param collection   the collection's id
 * @param id           the object's STIX id
 * @param version      the expired version
 * @param objectSha256 the expired version's {@code object_sha256}
 * @param publisher    the member that published it
 * @param validUntil   the version's {@code valid_until}, exactly as the object states it
 * @param audience     the version's audience
 * @param accepted     when the expiry was logged (after {@code valid_until})
 */
public record ExpiryRecord(String collection, String id, String version, String objectSha256, String publisher,
                           String validUntil, Audience audience, String accepted) implements SealedEntry {

    /** The entry's {@code kind}. */
    public static final String KIND = "expiry";

    public ExpiryRecord {
        SealedEntry.requireObject(collection, id, version, objectSha256, publisher, audience, accepted);
        Objects.requireNonNull(validUntil, "validUntil");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = SealedEntry.head(KIND, collection, id, version, objectSha256, publisher);
        entry.put("valid_until", validUntil);
        entry.set("audience", audience.toJson());
        entry.put("accepted", accepted);
        return entry;
    }

    static ExpiryRecord parse(JsonNode entry) {
        return new ExpiryRecord(Json.text(entry, "collection"), Json.text(entry, "id"), Json.text(entry, "version"),
                Json.text(entry, "object_sha256"), Json.text(entry, "publisher"), Json.text(entry, "valid_until"),
                Audience.parse(Json.object(entry, "audience")), Json.text(entry, "accepted"));
    }
}

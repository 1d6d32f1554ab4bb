package org.trilateral.integrity.log;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deletion of an object version, as its sealed leaf commits to it:
 * {@code {"kind":"tombstone","collection","id","version","object_sha256","publisher","deleted_by","audience",
 * "accepted"}}. The deleted version's own leaf stays in the log; the tombstone, readable by the same members, says it
 * is gone and who removed it: the publisher, an admin (by member id) or {@code retention}.
 *
 * @param collection the collection's id
 * @param id the object's STIX id
 * @param version the deleted version
 * @param objectSha256 the deleted version's {@code object_sha256}
 * @param publisher the member that had published it
 * @param deletedBy the member that deleted it, or {@code retention}
 * @param audience the deleted version's audience
 * @param accepted when the deletion was logged
 */
public record TombstoneRecord(String collection, String id, String version, String objectSha256, String publisher,
                              String deletedBy, Audience audience, String accepted) implements SealedEntry {

    /** The entry's {@code kind}. */
    public static final String KIND = "tombstone";

    public TombstoneRecord {
        SealedEntry.requireObject(collection, id, version, objectSha256, publisher, audience, accepted);
        Objects.requireNonNull(deletedBy, "deletedBy");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = SealedEntry.head(KIND, collection, id, version, objectSha256, publisher);
        entry.put("deleted_by", deletedBy);
        entry.set("audience", audience.toJson());
        entry.put("accepted", accepted);
        return entry;
    }

    static TombstoneRecord parse(JsonNode entry) {
        return new TombstoneRecord(Json.text(entry, "collection"), Json.text(entry, "id"), Json.text(entry, "version"),
                Json.text(entry, "object_sha256"), Json.text(entry, "publisher"), Json.text(entry, "deleted_by"),
                Audience.parse(Json.object(entry, "audience")), Json.text(entry, "accepted"));
    }
}

package org.trilateral.integrity.log;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An accepted object version, as its sealed leaf commits to it:
 * {@code {"kind":"object-version","collection","id","version","object_sha256","publisher","publisher_identity",
 * "kid"?,"signature"?,"audience","accepted"}}. {@code object_sha256} covers the whole canonical object, every
 * signature included; {@code kid} and {@code signature} name the signature the exchange verified with the
 * publisher's key at ingest.
 *
 * @param collection the collection's id
 * @param id the object's STIX id
 * @param version its version as stored (for objects without {@code modified} or {@code created}, the
 *     {@code date_added} the exchange gave it)
 * @param objectSha256 lowercase hex SHA-256 of the object's RFC 8785 form
 * @param publisher the publishing member's id
 * @param publisherIdentity the publishing member's STIX identity id
 * @param kid the key id of the verified signature, when signed
 * @param signature the verified signature, JWS compact with detached payload, when signed
 * @param audience who may read it
 * @param accepted when it was logged
 */
public record ObjectVersionRecord(String collection, String id, String version, String objectSha256, String publisher,
                                  String publisherIdentity, Optional<String> kid, Optional<String> signature,
                                  Audience audience, String accepted) implements SealedEntry {

    /** The entry's {@code kind}. */
    public static final String KIND = "object-version";

    public ObjectVersionRecord {
        SealedEntry.requireObject(collection, id, version, objectSha256, publisher, audience, accepted);
        Objects.requireNonNull(publisherIdentity, "publisherIdentity");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode entry = SealedEntry.head(KIND, collection, id, version, objectSha256, publisher);
        entry.put("publisher_identity", publisherIdentity);
        kid.ifPresent(k -> entry.put("kid", k));
        signature.ifPresent(s -> entry.put("signature", s));
        entry.set("audience", audience.toJson());
        entry.put("accepted", accepted);
        return entry;
    }

    static ObjectVersionRecord parse(JsonNode entry) {
        return new ObjectVersionRecord(Json.text(entry, "collection"), Json.text(entry, "id"), Json.text(entry, "version"),
                Json.text(entry, "object_sha256"), Json.text(entry, "publisher"), Json.text(entry, "publisher_identity"),
                Json.optionalText(entry, "kid"), Json.optionalText(entry, "signature"),
                Audience.parse(Json.object(entry, "audience")), Json.text(entry, "accepted"));
    }
}

package org.trilateral.exchange.ledger;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.node.ObjectNode;

/**
 * An accepted object version: {@code {"kind":"object-version","collection","id","modified","object_sha256",
 * "kid"?,"signature"?,"log_index","accepted"}}. {@code object_sha256} covers the whole canonical object,
 * signatures included, so every signature an object carries is committed to even though only the first is
 * named in the leaf.
 *
 * @param collectionId the collection it was added to
 * @param id           its STIX id
 * @param modified     its version exactly as stored (TAXII 2.1 §3.5.1)
 * @param objectSha256 SHA-256 of its RFC 8785 canonical form, 32 bytes
 * @param signature    its first signature, if it is signed
 */
public record ObjectVersionEntry(String collectionId, String id, String modified, byte[] objectSha256,
                                 Optional<SignatureReference> signature) implements LogEntry {

    public ObjectVersionEntry {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(signature, "signature");
        if (objectSha256 == null || objectSha256.length != 32) {
            throw new IllegalArgumentException("the object SHA-256 of " + id + " must be 32 bytes");
        }
        objectSha256 = objectSha256.clone();
    }

    @Override
    public String kind() {
        return "object-version";
    }

    @Override
    public String stixId() {
        return id;
    }

    @Override
    public String version() {
        return modified;
    }

    @Override
    public byte[] objectSha256() {
        return objectSha256.clone();
    }

    @Override
    public ObjectNode toJson(long logIndex, Instant accepted) {
        ObjectNode leaf = StixJson.mapper().createObjectNode();
        leaf.put("kind", kind());
        leaf.put("collection", collectionId);
        leaf.put("id", id);
        leaf.put("modified", modified);
        leaf.put("object_sha256", HexFormat.of().formatHex(objectSha256));
        signature.ifPresent(s -> {
            s.kid().ifPresent(kid -> leaf.put("kid", kid));
            leaf.put("signature", s.compactDetached());
        });
        leaf.put("log_index", logIndex);
        leaf.put("accepted", StixTimestamp.formatMicros(accepted));
        return leaf;
    }
}

package org.trilateral.taxonomy.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic identifiers for STIX Cyber-observable Objects (STIX 2.1 §2.9): a UUIDv5 (RFC 4122 §4.3) in the
 * STIX namespace {@code 00abedb4-aa42-466c-9c01-fed23315a9b7} whose name is the RFC 8785 canonical JSON of the
 * object's id-contributing properties (all strings for the exchange's own observables).
 */
public final class DeterministicId {

    /** STIX 2.1 §2.9: the namespace of every deterministic SCO id. */
    public static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private DeterministicId() {
    }

    /** The id {@code type--UUIDv5(STIX namespace, JCS(properties))}; property values must not be null. */
    public static StixId of(String type, Map<String, String> contributingProperties) {
        return new StixId(type, uuidV5(STIX_NAMESPACE, canonicalJson(contributingProperties)));
    }

    /** RFC 8785 canonical JSON of an object whose members are all strings. */
    public static String canonicalJson(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        ObjectNode object = StixJson.mapper().createObjectNode();
        properties.forEach((name, value) -> object.put(name, Objects.requireNonNull(value, () -> "value of " + name)));
        return new String(JsonCanonicalizer.canonicalize(object), StandardCharsets.UTF_8);
    }

    /** RFC 4122 §4.3 name-based UUID with SHA-1 (version 5); the name is encoded as UTF-8. */
    public static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}

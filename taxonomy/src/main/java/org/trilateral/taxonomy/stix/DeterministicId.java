package org.trilateral.taxonomy.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deterministic identifiers for STIX Cyber-observable Objects (STIX 2.1 §2.9): a UUIDv5 (RFC 4122 §4.3) in the
 * STIX namespace {@code 00abedb4-aa42-466c-9c01-fed23315a9b7} whose name is the RFC 8785 canonical JSON of the
 * object's id-contributing properties. The exchange's id-contributing properties are all strings, so the
 * canonical form is an object with keys sorted by UTF-16 code unit and JSON string escaping (RFC 8785 §3.2.2.2).
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
        // RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units, which is String.compareTo.
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> member : new TreeMap<>(properties).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, member.getKey());
            out.append(':');
            appendString(out, Objects.requireNonNull(member.getValue(), () -> "value of " + member.getKey()));
        }
        return out.append('}').toString();
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

    /** RFC 8785 §3.2.2.2: the ECMAScript JSON.stringify escaping of a string. */
    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

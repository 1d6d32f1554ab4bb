package org.trilateral.exchange.ledger;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to a member's signing keys: {@code {"kind":"key-event","event":"registration"|"rotation"|"revocation",
 * "member","kid","jwk"?,"log_index","accepted"}}. Logging key events next to the objects they sign lets a
 * consumer check that a signature's key was registered, and not yet revoked, when the object was accepted.
 *
 * @param member the member whose key it is
 * @param kid    the key's id (its RFC 7638 thumbprint)
 * @param jwk    the public key, for registrations and rotations
 */
public record KeyEventEntry(Event event, String member, String kid, Optional<JsonNode> jwk) implements LogEntry {

    /** What happened to the key. */
    public enum Event {
        REGISTRATION, ROTATION, REVOCATION;

        /** The value of the leaf's {@code event} member. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyEventEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jwk, "jwk");
        if (jwk.isPresent() && !jwk.get().isObject()) {
            throw new IllegalArgumentException("the JWK of key " + kid + " must be a JSON object");
        }
    }

    @Override
    public String kind() {
        return "key-event";
    }

    @Override
    public String stixId() {
        return null;
    }

    @Override
    public String version() {
        return null;
    }

    @Override
    public String collectionId() {
        return null;
    }

    @Override
    public byte[] objectSha256() {
        return null;
    }

    @Override
    public ObjectNode toJson(long logIndex, Instant accepted) {
        ObjectNode leaf = StixJson.mapper().createObjectNode();
        leaf.put("kind", kind());
        leaf.put("event", event.value());
        leaf.put("member", member);
        leaf.put("kid", kid);
        jwk.ifPresent(key -> leaf.set("jwk", key.deepCopy()));
        leaf.put("log_index", logIndex);
        leaf.put("accepted", StixTimestamp.formatMicros(accepted));
        return leaf;
    }
}

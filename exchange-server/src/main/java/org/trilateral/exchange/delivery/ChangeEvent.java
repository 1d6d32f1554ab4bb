package org.trilateral.exchange.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of a collection, at its position in the transparency log.
 *
 * @param position     the log index of the leaf that records it
 * @param kind         what happened
 * @param collectionId the collection's id
 * @param id           the STIX id of the object
 * @param version      the version, as the log records it ({@code modified}, or {@code date_added} for an object that
 *                     has no versions)
 * @param object       for an added or revoked version, the object as TAXII serves it (the stored text, unchanged);
 *                     empty for a deletion or an expiry
 * @param opening      the opening of the leaf as {@code /log/openings} serves it (JSON text)
 */
public record ChangeEvent(long position, Kind kind, String collectionId, String id, String version, Optional<String> object,
                   String opening) {

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(opening, "opening");
    }

    /** What happened to the object. */
    public enum Kind {
        /** A version was added. */
        ADDED("added"),
        /** A version with {@code revoked: true} was added (STIX 2.1 §3.6). */
        REVOKED("revoked"),
        /** A version was deleted (TAXII DELETE, or retention of an expired object). */
        DELETED("deleted"),
        /** The latest version's {@code valid_until} passed (STIX 2.1 §4.7); it stays stored. */
        EXPIRED("expired");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** The name in events, e.g. {@code deleted}. */
        public String value() {
            return value;
        }
    }

    /** The STIX type, from the id. */
    public String type() {
        return id.substring(0, id.indexOf("--"));
    }
}

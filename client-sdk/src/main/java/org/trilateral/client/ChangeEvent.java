package org.trilateral.client;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One change of a collection the member may read, as the exchange's change feed and streams tell it
 * (docs/delivery.md).
 *
 * @param position     the log index of the leaf that records the change
 * @param kind         what happened
 * @param collection   the collection's id
 * @param id           the object's STIX id
 * @param version      the version, as the log records it
 * @param object       the object as TAXII serves it, for an added or revoked version
 * @param opening      the leaf's opening, as {@code /log/openings} serves it
 * @param verification the object's verification against the log, when the client has a trust policy
 * @param resumeFrom   the position after this change: where a subscription resumes once it is handled
 */
public record ChangeEvent(long position, Kind kind, String collection, String id, String version,
                          Optional<JsonNode> object, JsonNode opening, Optional<VerificationResult> verification,
                          long resumeFrom) {

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(verification, "verification");
    }

    /** What happened to the object. */
    public enum Kind {
        /** A version was added. */
        ADDED,
        /** A version revoking the object was added (STIX 2.1 §3.6). */
        REVOKED,
        /** A version was deleted: drop it from local state. */
        DELETED,
        /**
         * The object's latest version passed its {@code valid_until} (STIX 2.1 §4.7): no longer in force, though still
         * stored. The default feeds and screening leave it out from now on.
         */
        EXPIRED;

        /** The kind named {@code text} in an event ({@code added}, {@code revoked}, {@code deleted}, {@code expired}). */
        public static Kind parse(String text) {
            switch (text) {
                case "added":
                    return ADDED;
                case "revoked":
                    return REVOKED;
                case "deleted":
                    return DELETED;
                case "expired":
                    return EXPIRED;
                default:
                    throw new IllegalArgumentException("unknown change kind '" + text + "'");
            }
        }
    }

    /** Parses an event's data. */
    static ChangeEvent parse(JsonNode data, long resumeFrom) {
        JsonNode object = data.get("object");
        return new ChangeEvent(data.get("position").longValue(), Kind.parse(data.get("kind").stringValue()),
                data.get("collection").stringValue(), data.get("id").stringValue(), data.path("version").asString(null),
                Optional.ofNullable(object), data.get("opening"), Optional.empty(), resumeFrom);
    }

    /** This change with the result of verifying its object. */
    public ChangeEvent withVerification(VerificationResult result) {
        return new ChangeEvent(position, kind, collection, id, version, object, opening, Optional.of(result), resumeFrom);
    }

    /** The STIX type, from the id. */
    public String type() {
        return id.substring(0, id.indexOf("--"));
    }
}

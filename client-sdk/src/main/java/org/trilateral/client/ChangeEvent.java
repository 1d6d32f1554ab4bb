package org.trilateral.client;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One change of a collection the member may read, as the exchange's change feed and streams tell it
 * (docs/delivery.md).
 *
 * @param position        the log index of the leaf that records the change
 * @param kind            what happened
 * @param collection      the collection's id
 * @param collectionAlias the collection's alias, when the exchange gives one (e.g. {@code advisories})
 * @param id              the object's STIX id
 * @param version         the version, as the log records it
 * @param object          the object as TAXII serves it, for an added or revoked version
 * @param opening         the leaf's opening, as {@code /log/openings} serves it
 * @param verification    the check of the change against the log, when the client has a trust policy: of the object
 *                        for an added or revoked version, of the tombstone's opening for a deletion
 * @param resumeFrom      the main lane's position after this change
 * @param resumeId        the event id after this change ({@code Last-Event-ID}: a position, or {@code main:advisory})
 */
public record ChangeEvent(long position, Kind kind, String collection, String collectionAlias, String id,
                          String version, Optional<JsonNode> object, JsonNode opening,
                          Optional<VerificationResult> verification, long resumeFrom, String resumeId) {

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(verification, "verification");
        resumeId = resumeId == null ? Long.toString(resumeFrom) : resumeId;
    }

    /** What happened to the object. */
    public enum Kind {
        /** A version was added. */
        ADDED,
        /** A version revoking the object was added (STIX 2.1 §3.6). */
        REVOKED,
        /** A version was deleted: drop it from local state (once {@link #applicable()}). */
        DELETED,
        /**
         * The object's latest version passed its {@code valid_until} (STIX 2.1 §4.7): no longer in force, though still
         * stored. The default feeds and screening leave it out from now on (once {@link #applicable()}).
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

    /**
     * Parses an event's data (the JSON of a stream's event, of an event in {@code GET /changes}, or of a webhook
     * delivery's {@code events}), not yet verified: pass it to {@link ExchangeClient#verify(ChangeEvent)}.
     *
     * @param resumeFrom the main lane's position after this change
     * @param resumeId   the event id after this change, or null for {@code resumeFrom}
     * @throws IllegalArgumentException when the data is not a change event (a member missing, an unknown kind)
     */
    public static ChangeEvent parse(JsonNode data, long resumeFrom, String resumeId) {
        for (String member : new String[] {"position", "kind", "collection", "id", "opening"}) {
            if (data == null || data.get(member) == null || data.get(member).isNull()) {
                throw new IllegalArgumentException("not a change event: it has no \"" + member + "\"");
            }
        }
        JsonNode object = data.get("object");
        return new ChangeEvent(data.get("position").longValue(), Kind.parse(data.get("kind").stringValue()),
                data.get("collection").stringValue(), data.path("collection_alias").asString(null),
                data.get("id").stringValue(), data.path("version").asString(null), Optional.ofNullable(object),
                data.get("opening"), Optional.empty(), resumeFrom, resumeId);
    }

    /** This change with the result of verifying it against the log. */
    public ChangeEvent withVerification(VerificationResult result) {
        return new ChangeEvent(position, kind, collection, collectionAlias, id, version, object, opening,
                Optional.of(result), resumeFrom, resumeId);
    }

    /** The STIX type, from the id. */
    public String type() {
        return id.substring(0, id.indexOf("--"));
    }

    /**
     * Whether to apply the change to local state: it was verified against the log, or the client verifies nothing (no
     * trust policy). A change whose check failed, a deletion whose tombstone opening does not hold above all, must not
     * be applied: {@link #verification()} says what failed.
     */
    public boolean applicable() {
        return verification.map(VerificationResult::ok).orElse(true);
    }

    /** Whether this is an advisory: a {@code report} of the advisory collection ({@link Advisory#COLLECTION}). */
    public boolean advisory() {
        return "report".equals(type()) && (Advisory.COLLECTION.equals(collectionAlias) || Advisory.COLLECTION.equals(collection));
    }
}

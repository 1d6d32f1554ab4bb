package org.trilateral.integrity.log;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A leaf written before leaf format version 2 (no {@code v} member), kept verifiable: {@code object-version}
 * ({@code collection, id, modified, object_sha256, kid?, signature?, log_index, accepted}), {@code tombstone}
 * ({@code collection, id, modified, deleted_by?, log_index, accepted}) or {@code key-event}
 * ({@code event, member, kid, jwk?, log_index, accepted}). The exchange serves an {@code object-version} or
 * {@code tombstone} legacy leaf only to members who may read its object (docs/transparency-log.md, "Leaves
 * written before version 2").
 *
 * @param kind the leaf's kind
 * @param json the leaf's members, as served
 */
public record LegacyLeaf(String kind, JsonNode json) implements LogLeaf {

    public LegacyLeaf {
        Objects.requireNonNull(kind, "kind");
        json = json.deepCopy();
    }

    static LegacyLeaf parse(JsonNode leaf) {
        String kind = Json.text(leaf, "kind");
        if (!kind.equals("object-version") && !kind.equals("tombstone") && !kind.equals("key-event")) {
            throw new LeafFormatException("the version 1 leaf's kind \"" + kind + "\" is not one the log wrote");
        }
        Json.number(leaf, "log_index");
        return new LegacyLeaf(kind, leaf);
    }

    /** True for an object-version or tombstone leaf, which only the object's readers may see. */
    public boolean concernsAnObject() {
        return !kind.equals("key-event");
    }

    /** The {@code log_index} the leaf states. */
    public long logIndex() {
        return json.path("log_index").asLong();
    }

    /** A member of the leaf, when it is a string. */
    public Optional<String> text(String member) {
        return Json.optionalText(json, member);
    }

    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public ObjectNode toJson() {
        return (ObjectNode) json.deepCopy();
    }
}

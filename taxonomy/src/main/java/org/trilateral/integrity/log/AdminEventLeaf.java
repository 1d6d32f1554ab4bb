package org.trilateral.integrity.log;

import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An administrative action, public in the log so that every admin answers for what it did:
 * {@code {"v":2,"kind":"admin-event","action","actor","approved_by"?,"member"?,"change","accepted"}}. Actions:
 * {@code member-created}, {@code member-changed}, {@code member-suspended}, {@code member-reinstated} (with the
 * member and the fields set), and {@code objects-deleted} (with only the number of versions deleted: which objects is
 * in their sealed tombstones, which name the deleting admin). Key changes are {@link KeyEventLeaf key events}.
 *
 * @param action what was done
 * @param actor the admin that did it (a member id)
 * @param approvedBy the second admin, from another nation, that approved it (four-eyes changes)
 * @param member the member concerned, if any
 * @param change what changed: the fields set, or {@code {"versions": n}}
 * @param accepted when it was logged
 */
public record AdminEventLeaf(String action, String actor, Optional<String> approvedBy, Optional<String> member,
                             ObjectNode change, String accepted) implements LogLeaf {

    /** The leaf's {@code kind}. */
    public static final String KIND = "admin-event";

    public AdminEventLeaf {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(accepted, "accepted");
        change = change.deepCopy();
    }

    @Override
    public ObjectNode change() {
        return change.deepCopy();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode leaf = StrictJson.mapper().createObjectNode();
        leaf.put("v", VERSION);
        leaf.put("kind", KIND);
        leaf.put("action", action);
        leaf.put("actor", actor);
        approvedBy.ifPresent(a -> leaf.put("approved_by", a));
        member.ifPresent(m -> leaf.put("member", m));
        leaf.set("change", change.deepCopy());
        leaf.put("accepted", accepted);
        return leaf;
    }

    /** Reads an admin-event leaf. */
    public static AdminEventLeaf parse(JsonNode leaf) {
        Json.requireVersion(leaf, KIND);
        return new AdminEventLeaf(Json.text(leaf, "action"), Json.text(leaf, "actor"),
                Json.optionalText(leaf, "approved_by"), Json.optionalText(leaf, "member"),
                (ObjectNode) Json.object(leaf, "change"), Json.text(leaf, "accepted"));
    }
}

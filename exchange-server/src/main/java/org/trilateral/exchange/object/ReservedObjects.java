package org.trilateral.exchange.object;

import java.util.Optional;
import java.util.Set;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.member.Member;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects whose ids the exchange reserves (docs/access-rules.md, "Ownership"): a member's registered identity is
 * published only by that member (or the exchange's reference data), and the official TLP 2.0 and sharing-group
 * marking definitions only with their official content, so nobody can squat on them or redefine them.
 */
final class ReservedObjects {

    private ReservedObjects() {
    }

    /** Why {@code tree} may not be published by {@code publisher}, or null. */
    static String problem(JsonNode tree, Member publisher, Set<String> memberIdentities) {
        String id = tree.path("id").asString("");
        String type = tree.path("type").asString("");
        if (type.equals("identity") && memberIdentities.contains(id) && !id.equals(publisher.identityId())) {
            return "identity " + id + " is the registered identity of another member: only that member publishes it";
        }
        Optional<ObjectNode> official = Tlp.fromId(id).map(Tlp::markingDefinition)
                .or(() -> SharingGroup.fromId(id).map(SharingGroup::markingDefinition));
        if (official.isPresent() && !sameContent(tree, official.get())) {
            return "marking-definition " + id + " is an official marking the exchange enforces: it is accepted only"
                    + " with its official content (" + official.get() + ")";
        }
        return null;
    }

    /** Equal to the official definition once the publisher's signature (if any) is set aside. */
    private static boolean sameContent(JsonNode tree, ObjectNode official) {
        if (!tree.isObject()) {
            return false;
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        JsonNode extensions = copy.get("extensions");
        if (extensions instanceof ObjectNode object) {
            object.remove(ExchangeExtensions.OBJECT_SIGNATURE_ID);
            if (object.isEmpty()) {
                copy.remove("extensions");
            }
        }
        try {
            return java.util.Arrays.equals(JsonCanonicalizer.canonicalize(copy), JsonCanonicalizer.canonicalize(official));
        } catch (RuntimeException e) {
            return false;
        }
    }
}

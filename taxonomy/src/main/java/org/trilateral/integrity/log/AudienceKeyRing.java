package org.trilateral.integrity.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audience keys one member holds, as the exchange serves them to it ({@code GET /log/audience-keys}):
 * {@code {"member","all","member_key","groups":{"<name>":"<base64>"}}}. From them the member derives every key a leaf
 * addressed to it can be tagged with (the all-members key, its member key, and for each non-empty set of its groups
 * the groups' key and its recipient key within them) and recognises its leaves with {@link #addressedTo}.
 *
 * @param memberId the member
 * @param all the all-members key
 * @param member the member's own key
 * @param groups the keys of the member's groups, by group name
 */
public record AudienceKeyRing(String memberId, byte[] all, byte[] member, Map<String, byte[]> groups) {

    public AudienceKeyRing {
        Objects.requireNonNull(memberId, "memberId");
        all = requireKey(all, "all");
        member = requireKey(member, "member_key");
        groups.forEach((name, key) -> requireKey(key, "groups." + name));
        groups = AudienceTags.copy(groups);
        if (groups.size() > 16) {
            throw new LeafFormatException("a member belongs to at most 16 sharing groups in a key ring");
        }
    }

    /** Every key a leaf addressed to this member may carry a tag of. */
    public List<byte[]> candidateKeys() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(all.clone());
        keys.add(member.clone());
        List<byte[]> groupKeys = new ArrayList<>(groups.values());
        int n = groupKeys.size();
        for (int subset = 1; subset < (1 << n); subset++) {
            List<byte[]> chosen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((subset & (1 << i)) != 0) {
                    chosen.add(groupKeys.get(i));
                }
            }
            byte[] groupsKey = AudienceKeys.groupsKey(chosen);
            keys.add(groupsKey);
            keys.add(AudienceKeys.recipientKey(member, Optional.of(groupsKey)));
        }
        return keys;
    }

    /** True when one of the leaf's tags is derived from a key of this ring. */
    public boolean addressedTo(SealedLeaf leaf) {
        return addressedTo(leaf, candidateKeys());
    }

    /** {@link #addressedTo(SealedLeaf)} with the candidate keys computed once by the caller. */
    public static boolean addressedTo(SealedLeaf leaf, List<byte[]> candidateKeys) {
        byte[] commitment = leaf.commitment();
        for (byte[] key : candidateKeys) {
            if (leaf.hasTag(AudienceTags.tag(key, commitment))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] all() {
        return all.clone();
    }

    @Override
    public byte[] member() {
        return member.clone();
    }

    @Override
    public Map<String, byte[]> groups() {
        return AudienceTags.copy(groups);
    }

    /** The ring as served. */
    public ObjectNode toJson() {
        ObjectNode ring = StrictJson.mapper().createObjectNode();
        ring.put("member", memberId);
        ring.put("all", Base64.getEncoder().encodeToString(all));
        ring.put("member_key", Base64.getEncoder().encodeToString(member));
        ObjectNode groupKeys = ring.putObject("groups");
        groups.forEach((name, key) -> groupKeys.put(name, Base64.getEncoder().encodeToString(key)));
        return ring;
    }

    /** Reads a ring as served. */
    public static AudienceKeyRing parse(JsonNode ring) {
        if (ring == null || !ring.isObject()) {
            throw new LeafFormatException("a key ring is a JSON object");
        }
        Map<String, byte[]> groups = new java.util.TreeMap<>();
        JsonNode keys = Json.object(ring, "groups");
        for (Map.Entry<String, JsonNode> group : keys.properties()) {
            groups.put(group.getKey(), Json.base64(keys, group.getKey(), AudienceKeys.KEY_BYTES));
        }
        return new AudienceKeyRing(Json.text(ring, "member"), Json.base64(ring, "all", AudienceKeys.KEY_BYTES),
                Json.base64(ring, "member_key", AudienceKeys.KEY_BYTES), groups);
    }

    private static byte[] requireKey(byte[] key, String what) {
        if (key == null || key.length != AudienceKeys.KEY_BYTES) {
            throw new LeafFormatException("the audience key " + what + " is " + AudienceKeys.KEY_BYTES + " bytes");
        }
        return key.clone();
    }
}

package org.trilateral.integrity.log;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the audience tags (docs/transparency-log.md, "Audience tags"). The exchange derives every key from
 * one secret with HMAC-SHA256; each member is given only its own keys ({@link AudienceKeyRing}):
 * <ul>
 *   <li>{@code all}: objects every member may read;</li>
 *   <li>{@code group/<name>}: one per sharing group, given to its members;</li>
 *   <li>{@code member/<id>}: one per member, given to that member only.</li>
 * </ul>
 * An object narrowed to several groups is tagged with the key of that set of groups ({@link #groupsKey}), which
 * only a member of all of them can compute; a TLP:RED recipient's tag is keyed by its member key, combined with the
 * groups' key when the object is also narrowed to groups ({@link #recipientKey}).
 */
public final class AudienceKeys {

    /** Bytes of every audience key. */
    public static final int KEY_BYTES = 32;

    private final byte[] secret;

    /** @param secret the exchange's audience secret, 32 bytes, kept in its database */
    public AudienceKeys(byte[] secret) {
        if (secret == null || secret.length != KEY_BYTES) {
            throw new IllegalArgumentException("the audience secret is " + KEY_BYTES + " bytes");
        }
        this.secret = secret.clone();
    }

    /** A key for another purpose of the exchange (its {@code label}), derived from the same secret. */
    public byte[] derived(String label) {
        return hmac(secret, "derived/" + label);
    }

    /** The key of objects every member may read. */
    public byte[] all() {
        return hmac(secret, "audience/all");
    }

    /** The key of sharing group {@code name}. */
    public byte[] group(String name) {
        return hmac(secret, "audience/group/" + name);
    }

    /** The key of member {@code memberId}. */
    public byte[] member(String memberId) {
        return hmac(secret, "audience/member/" + memberId);
    }

    /** The ring of keys given to a member: the all-members key, its member key and the keys of its groups. */
    public AudienceKeyRing ringOf(String memberId, java.util.Collection<String> groups) {
        java.util.Map<String, byte[]> keys = new java.util.TreeMap<>();
        groups.forEach(g -> keys.put(g, group(g)));
        return new AudienceKeyRing(memberId, all(), member(memberId), keys);
    }

    /**
     * The key of a set of groups: HMAC-SHA256 keyed by the groups' keys concatenated in the order of the groups'
     * names, over {@code audience/groups}.
     *
     * @param groupKeysByName the keys of the groups, ordered by group name
     */
    public static byte[] groupsKey(List<byte[]> groupKeysByName) {
        if (groupKeysByName.isEmpty()) {
            throw new IllegalArgumentException("a groups key needs at least one group");
        }
        byte[] concatenated = new byte[groupKeysByName.size() * KEY_BYTES];
        for (int i = 0; i < groupKeysByName.size(); i++) {
            System.arraycopy(groupKeysByName.get(i), 0, concatenated, i * KEY_BYTES, KEY_BYTES);
        }
        return hmac(concatenated, "audience/groups");
    }

    /**
     * The key of a TLP:RED recipient: its member key, or, when the object is also narrowed to groups, HMAC-SHA256
     * keyed by the member key followed by the groups' key, over {@code audience/recipient}.
     */
    public static byte[] recipientKey(byte[] memberKey, Optional<byte[]> groupsKey) {
        if (groupsKey.isEmpty()) {
            return memberKey.clone();
        }
        byte[] both = Arrays.copyOf(memberKey, 2 * KEY_BYTES);
        System.arraycopy(groupsKey.get(), 0, both, KEY_BYTES, KEY_BYTES);
        return hmac(both, "audience/recipient");
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform must provide HmacSHA256", e);
        }
    }
}

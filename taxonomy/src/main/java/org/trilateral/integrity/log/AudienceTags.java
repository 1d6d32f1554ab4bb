package org.trilateral.integrity.log;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tags of a sealed leaf: for each reader class of the object, {@code HMAC-SHA256(key, "tag" || commitment)}
 * truncated to 16 bytes; then random tags up to the next power of two (at least four), so that the count says only
 * "few" or "many readers". A member recognises the leaves addressed to it with its {@link AudienceKeyRing}, and an
 * audit can then require an opening or a delivery for each; nobody else can tell who a leaf is for.
 */
public final class AudienceTags {

    /** Bytes of a tag. */
    public static final int TAG_BYTES = 16;
    /** The fewest tags a leaf carries. */
    public static final int MIN_TAGS = 4;

    private static final byte[] LABEL = "tag".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AudienceTags() {
    }

    /** The tag of {@code key} on the leaf committing to {@code commitment}. */
    public static byte[] tag(byte[] key, byte[] commitment) {
        byte[] message = new byte[LABEL.length + commitment.length];
        System.arraycopy(LABEL, 0, message, 0, LABEL.length);
        System.arraycopy(commitment, 0, message, LABEL.length, commitment.length);
        return Arrays.copyOf(AudienceKeys.hmac(key, message), TAG_BYTES);
    }

    /**
     * The keys whose tags an object of {@code audience} carries: the publisher's member key; then the all-members key
     * (no recipients, no groups), the groups' key (groups only), or one recipient key per recipient.
     *
     * @param publisher the publishing member
     */
    public static List<byte[]> keysFor(Audience audience, String publisher, AudienceKeys keys) {
        List<byte[]> result = new ArrayList<>();
        result.add(keys.member(publisher));
        Optional<byte[]> groupsKey = audience.groups().isEmpty() ? Optional.empty()
                : Optional.of(AudienceKeys.groupsKey(audience.groups().stream().map(keys::group).toList()));
        if (audience.recipients().isPresent()) {
            for (String recipient : audience.recipients().get()) {
                if (!recipient.equals(publisher)) {
                    result.add(AudienceKeys.recipientKey(keys.member(recipient), groupsKey));
                }
            }
        } else {
            result.add(groupsKey.orElseGet(keys::all));
        }
        return result;
    }

    /** The padded tags of a leaf committing to {@code commitment}, for the readers' keys. */
    public static List<byte[]> of(byte[] commitment, List<byte[]> keys) {
        List<byte[]> tags = new ArrayList<>();
        for (byte[] key : keys) {
            tags.add(tag(key, commitment));
        }
        int size = MIN_TAGS;
        while (size < tags.size()) {
            size *= 2;
        }
        while (tags.size() < size) {
            byte[] filler = new byte[TAG_BYTES];
            RANDOM.nextBytes(filler);
            tags.add(filler);
        }
        return tags;
    }

    static Map<String, byte[]> copy(Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new java.util.TreeMap<>();
        keys.forEach((name, key) -> copy.put(name, key.clone()));
        return copy;
    }
}

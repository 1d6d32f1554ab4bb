package org.trilateral.integrity.log;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a member who may read an object gets to check it against the log offline: the sealed leaf at
 * {@code log_index}, its entry and the salt. {@code {"log_index","leaf":{…},"entry":{…},"salt"}}. The opening holds
 * when {@code SHA-256(salt || JCS(entry))} is the leaf's commitment; the leaf's hash is then proven in the tree by an
 * inclusion proof at {@code log_index}.
 *
 * @param logIndex the leaf's index in the log
 * @param leaf the sealed leaf
 * @param entry the entry as served (checked as received, so a re-encoding cannot hide a change)
 * @param salt the 32-byte salt
 */
public record LeafOpening(long logIndex, SealedLeaf leaf, JsonNode entry, byte[] salt) {

    public LeafOpening {
        if (logIndex < 0) {
            throw new LeafFormatException("a log index is not negative");
        }
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(entry, "entry");
        if (salt == null || salt.length != LeafCommitment.SALT_BYTES) {
            throw new LeafFormatException("a salt is " + LeafCommitment.SALT_BYTES + " bytes");
        }
        entry = entry.deepCopy();
        salt = salt.clone();
    }

    /** Seals {@code entry} with a new salt and the given tags: the leaf and its opening. */
    public static LeafOpening seal(long logIndex, SealedEntry entry, byte[] salt, java.util.List<byte[]> tags) {
        ObjectNode json = entry.toJson();
        return new LeafOpening(logIndex, new SealedLeaf(LeafCommitment.of(salt, json), tags), json, salt);
    }

    /** True when the salt and entry give the leaf's commitment. */
    public boolean holds() {
        return MessageDigest.isEqual(LeafCommitment.of(salt, entry), leaf.commitment());
    }

    /**
     * The entry, once the opening is checked.
     *
     * @throws LeafFormatException when the salt and entry do not give the leaf's commitment, or the entry is malformed
     */
    public SealedEntry openedEntry() {
        if (!holds()) {
            throw new LeafFormatException("the opening of leaf " + logIndex + " does not give its commitment: the entry"
                    + " or the salt is not the one the log committed to");
        }
        return SealedEntry.parse(entry);
    }

    @Override
    public JsonNode entry() {
        return entry.deepCopy();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The opening as served. */
    public ObjectNode toJson() {
        ObjectNode opening = StrictJson.mapper().createObjectNode();
        opening.put("log_index", logIndex);
        opening.set("leaf", leaf.toJson());
        opening.set("entry", entry.deepCopy());
        opening.put("salt", Base64.getEncoder().encodeToString(salt));
        return opening;
    }

    /** Reads an opening as served (not yet checked: see {@link #openedEntry()}). */
    public static LeafOpening parse(JsonNode opening) {
        if (opening == null || !opening.isObject()) {
            throw new LeafFormatException("an opening is a JSON object");
        }
        return new LeafOpening(Json.number(opening, "log_index"), SealedLeaf.parse(Json.object(opening, "leaf")),
                Json.object(opening, "entry"), Json.base64(opening, "salt", LeafCommitment.SALT_BYTES));
    }
}

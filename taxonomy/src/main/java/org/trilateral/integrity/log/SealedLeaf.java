package org.trilateral.integrity.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public leaf of an object version or a tombstone: {@code {"v":2,"kind":"sealed","commitment","tags"}}. It reveals
 * nothing about the object to whoever cannot open it: not its id, collection, version, digest, signer or signature,
 * not even whether it is a version or a deletion. {@code commitment} is {@code SHA-256(salt || JCS(entry))} with a
 * random 32-byte salt the exchange keeps (so no guess about the object can be tested against it); {@code tags} are
 * the {@link AudienceTags} that let each member who may read it recognise it as addressed to it, padded so their
 * number says little.
 *
 * @param commitment the 32-byte commitment to the entry
 * @param tags the audience tags, 16 bytes each, in ascending byte order
 */
public record SealedLeaf(byte[] commitment, List<byte[]> tags) implements LogLeaf {

    /** The leaf's {@code kind}. */
    public static final String KIND = "sealed";

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    public SealedLeaf {
        if (commitment == null || commitment.length != LeafCommitment.SIZE) {
            throw new LeafFormatException("a commitment is " + LeafCommitment.SIZE + " bytes");
        }
        commitment = commitment.clone();
        List<byte[]> sorted = new ArrayList<>();
        for (byte[] tag : tags) {
            if (tag == null || tag.length != AudienceTags.TAG_BYTES) {
                throw new LeafFormatException("an audience tag is " + AudienceTags.TAG_BYTES + " bytes");
            }
            sorted.add(tag.clone());
        }
        sorted.sort(BYTES);
        tags = List.copyOf(sorted);
    }

    @Override
    public byte[] commitment() {
        return commitment.clone();
    }

    @Override
    public List<byte[]> tags() {
        return tags.stream().map(byte[]::clone).toList();
    }

    /** True when one of the tags equals {@code tag}. */
    public boolean hasTag(byte[] tag) {
        for (byte[] mine : tags) {
            if (MessageDigest.isEqual(mine, tag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode leaf = StrictJson.mapper().createObjectNode();
        leaf.put("v", VERSION);
        leaf.put("kind", KIND);
        leaf.put("commitment", Base64.getEncoder().encodeToString(commitment));
        ArrayNode list = leaf.putArray("tags");
        tags.forEach(tag -> list.add(Base64.getEncoder().encodeToString(tag)));
        return leaf;
    }

    /** Reads a sealed leaf. */
    public static SealedLeaf parse(JsonNode leaf) {
        Json.requireVersion(leaf, KIND);
        List<byte[]> tags = new ArrayList<>();
        for (String tag : Json.texts(leaf, "tags")) {
            tags.add(Json.decode(tag, "tags[" + tags.size() + "]", AudienceTags.TAG_BYTES));
        }
        return new SealedLeaf(Json.base64(leaf, "commitment", LeafCommitment.SIZE), tags);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedLeaf that && Arrays.equals(commitment, that.commitment)
                && tags.size() == that.tags.size()
                && java.util.stream.IntStream.range(0, tags.size()).allMatch(i -> Arrays.equals(tags.get(i), that.tags.get(i)));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(commitment);
    }

    @Override
    public String toString() {
        return "SealedLeaf[" + Base64.getEncoder().encodeToString(commitment) + ", " + tags.size() + " tags]";
    }
}

package org.trilateral.integrity.log;

import java.nio.charset.StandardCharsets;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one leaf of the log says. A leaf is the RFC 8785 (JCS) text of {@link #toJson()}; its Merkle leaf hash is
 * {@code SHA-256(0x00 || text)} (RFC 9162 §2.1.1). Version 2 leaves carry {@code "v": 2}; leaves written before it
 * (version 1) have no {@code v} and are read by {@link LegacyLeaf}.
 */
public sealed interface LogLeaf permits SealedLeaf, KeyEventLeaf, AdminEventLeaf, LegacyLeaf {

    /** The leaf format version this code writes. */
    int VERSION = 2;

    /** The leaf's members. */
    ObjectNode toJson();

    /** The leaf's RFC 8785 text, UTF-8: the bytes the log hashes. */
    default byte[] canonical() {
        return JsonCanonicalizer.canonicalize(toJson());
    }

    /** The leaf's RFC 8785 text. */
    default String text() {
        return new String(canonical(), StandardCharsets.UTF_8);
    }

    /** The RFC 9162 leaf hash of the leaf. */
    default byte[] leafHash() {
        return MerkleHash.leaf(canonical());
    }

    /**
     * Reads a leaf as the log serves it.
     *
     * @throws LeafFormatException when it is no leaf of a known kind and version
     */
    static LogLeaf parse(JsonNode leaf) {
        if (leaf == null || !leaf.isObject()) {
            throw new LeafFormatException("a leaf is a JSON object");
        }
        if (!leaf.has("v")) {
            return LegacyLeaf.parse(leaf);
        }
        String kind = leaf.path("kind").asString("");
        return switch (kind) {
            case SealedLeaf.KIND -> SealedLeaf.parse(leaf);
            case KeyEventLeaf.KIND -> KeyEventLeaf.parse(leaf);
            case AdminEventLeaf.KIND -> AdminEventLeaf.parse(leaf);
            default -> throw new LeafFormatException("the leaf's kind \"" + kind + "\" is not one the log writes");
        };
    }
}

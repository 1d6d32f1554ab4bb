package org.trilateral.client;

import org.trilateral.taxonomy.jcs.JsonCanonicalizer;
import org.trilateral.taxonomy.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;

/** The transparency log's leaf hash of an object version (RFC 9162 §2.1.1: {@code SHA-256(0x00 || entry)}). */
@FunctionalInterface
public interface LeafHasher {

    /**
     * The default: the entry is the RFC 8785 canonical form of the object as served, signatures included, so the
     * log commits to exactly what the member signed and the exchange serves.
     */
    LeafHasher CANONICAL_OBJECT = object -> MerkleHash.leaf(JsonCanonicalizer.canonicalize(object));

    /** The 32-byte leaf hash of {@code object}. */
    byte[] leafHash(JsonNode object);
}

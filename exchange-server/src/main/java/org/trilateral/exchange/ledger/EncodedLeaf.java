package org.trilateral.exchange.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.log.LogLeaf;
import org.trilateral.integrity.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;

/**
 * One leaf as stored: its index, its RFC 8785 (JCS) text, its RFC 9162 §2.1.1 hash {@code SHA-256(0x00 || text)},
 * and for a sealed leaf its opening (the salt and the entry's JCS text) and the object it is about.
 */
record EncodedLeaf(long index, LogEntry entry, String text, byte[] hash, Optional<Opening> opening) {

    /** What a sealed leaf's readers get. */
    record Opening(byte[] salt, String entryText) {
    }

    EncodedLeaf {
        if (index < 0) {
            throw new IllegalArgumentException("log index " + index + " is negative");
        }
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(opening, "opening");
    }

    static EncodedLeaf of(long index, LogEntry entry, LogLeaf leaf, Optional<Opening> opening) {
        byte[] canonical = JsonCanonicalizer.canonicalize(leaf.toJson());
        return new EncodedLeaf(index, entry, new String(canonical, StandardCharsets.UTF_8), MerkleHash.leaf(canonical),
                opening);
    }

    static String canonical(JsonNode json) {
        return new String(JsonCanonicalizer.canonicalize(json), StandardCharsets.UTF_8);
    }
}

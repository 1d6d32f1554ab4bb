package org.trilateral.exchange.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.merkle.MerkleHash;

/**
 * One leaf as stored and served: its index, its RFC 8785 (JCS) text and its RFC 9162 §2.1.1 leaf hash
 * {@code SHA-256(0x00 || UTF-8 text)}.
 */
public record LogLeaf(long index, String json, byte[] hash) {

    public LogLeaf {
        if (index < 0) {
            throw new IllegalArgumentException("log index " + index + " is negative");
        }
        Objects.requireNonNull(json, "json");
        if (hash == null || hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("the hash of leaf " + index + " must be " + MerkleHash.SIZE + " bytes");
        }
        hash = hash.clone();
    }

    /** Encodes {@code entry} as the leaf at {@code index}, accepted at {@code accepted}. */
    public static LogLeaf encode(LogEntry entry, long index, Instant accepted) {
        byte[] canonical = JsonCanonicalizer.canonicalize(entry.toJson(index, accepted));
        return new LogLeaf(index, new String(canonical, StandardCharsets.UTF_8), MerkleHash.leaf(canonical));
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}

package org.trilateral.exchange.ledger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.SubtreeHashes;
import reactor.core.publisher.Mono;

/**
 * Runs a computation over persisted subtree hashes with one database round trip. Which subtrees a root, proof
 * or compact-range restore reads depends only on the tree sizes and indexes, never on hash values
 * (RFC 9162 §2.1.3.1, §2.1.4.1), so a first dry run with placeholder hashes finds the O(log n) positions, one
 * query fetches them, and a second run computes the result.
 */
final class SubtreeReads {

    /** Where a perfect subtree sits: {@code 2^level} leaves from leaf {@code index * 2^level}. */
    record Position(int level, long index) {
    }

    private static final byte[] PLACEHOLDER = new byte[MerkleHash.SIZE];

    private SubtreeReads() {
    }

    static <T> Mono<T> compute(Function<SubtreeHashes, T> computation,
                               Function<Collection<Position>, Mono<Map<Position, byte[]>>> read) {
        Set<Position> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Position(level, index));
            return PLACEHOLDER;
        });
        if (wanted.isEmpty()) {
            return Mono.fromCallable(() -> computation.apply((level, index) -> {
                throw new IllegalStateException("a computation that read no subtree in its dry run read one");
            }));
        }
        return read.apply(wanted).map(found -> computation.apply((level, index) -> {
            byte[] hash = found.get(new Position(level, index));
            if (hash == null) {
                throw new IllegalStateException("log_subtree has no hash at level " + level + ", index " + index
                        + ": the log's tables are incomplete");
            }
            return hash;
        }));
    }
}

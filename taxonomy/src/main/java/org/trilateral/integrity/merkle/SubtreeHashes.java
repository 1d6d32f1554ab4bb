package org.trilateral.integrity.merkle;

/**
 * Read access to the hashes of perfect subtrees that the log has persisted: the subtree at {@code level}
 * and {@code index} holds the {@code 2^level} leaves starting at leaf {@code index * 2^level}; level 0 holds
 * the leaf hashes. {@link CompactRange} says which of these to persist as leaves are appended.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The 32-byte hash of the perfect subtree; it must exist (callers only ask for complete subtrees of the
     * tree size they were given).
     */
    byte[] hash(int level, long index);
}

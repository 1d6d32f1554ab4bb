package org.trilateral.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the signed checkpoints of the transparency log this client verified: the latest, so each newer one is
 * checked to extend it (RFC 9162 §2.1.4) even across restarts, and every one verified, with its signatures, so
 * members can compare what they were shown ({@link LogVerifier#compare}) and a fork leaves evidence anyone can check.
 * Implementations must be durable and thread-safe.
 */
public interface CheckpointStore {

    /** The latest verified checkpoint as its signed note (text, blank line, signature lines), or empty before the first. */
    Optional<String> latest();

    /** Keeps {@code signedNote} as the latest verified checkpoint, and in the history. */
    void save(String signedNote);

    /** Every verified checkpoint kept, oldest first (the latest last). */
    List<String> history();

    /**
     * The log's note verifier key kept when it was trusted on first use ({@link TrustPolicy.Builder#trustOnFirstUse}),
     * or empty.
     */
    Optional<String> firstUseKey();

    /** Keeps the log's note verifier key trusted on first use. */
    void keepFirstUseKey(String vkey);

    /** A store in memory only (for tests, or a process that verifies once). */
    static CheckpointStore inMemory() {
        return new CheckpointStore() {
            private final List<String> notes = new ArrayList<>();
            private String key;

            @Override
            public synchronized Optional<String> firstUseKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public synchronized void keepFirstUseKey(String vkey) {
                key = vkey;
            }

            @Override
            public synchronized Optional<String> latest() {
                return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1));
            }

            @Override
            public synchronized void save(String signedNote) {
                notes.add(signedNote);
            }

            @Override
            public synchronized List<String> history() {
                return List.copyOf(notes);
            }
        };
    }
}

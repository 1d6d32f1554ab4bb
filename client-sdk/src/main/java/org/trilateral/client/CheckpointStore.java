package org.trilateral.client;

import java.util.Optional;
import org.trilateral.integrity.checkpoint.Checkpoint;

/**
 * Keeps the last checkpoint of the transparency log that this client verified, so that each newer checkpoint is
 * checked to extend it (RFC 9162 §2.1.4) even across restarts. Implementations must be durable and thread-safe.
 */
public interface CheckpointStore {

    /** The last verified checkpoint, or empty before the first. */
    Optional<Checkpoint> load();

    /** Replaces the last verified checkpoint. */
    void save(Checkpoint checkpoint);

    /** A store in memory only (for tests, or a process that verifies once). */
    static CheckpointStore inMemory() {
        return new CheckpointStore() {
            private volatile Checkpoint last;

            @Override
            public Optional<Checkpoint> load() {
                return Optional.ofNullable(last);
            }

            @Override
            public void save(Checkpoint checkpoint) {
                last = checkpoint;
            }
        };
    }
}

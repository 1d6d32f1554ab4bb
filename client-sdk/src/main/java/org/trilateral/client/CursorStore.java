package org.trilateral.client;

import java.util.Optional;

/**
 * Keeps a poll's position (the exchange's opaque {@code next}, TAXII 2.1 §3.7) across restarts, so that a job
 * continues exactly after the last page it was handed. Implementations must make {@link #save} durable before
 * returning and be thread-safe.
 */
public interface CursorStore {

    /** The position stored under {@code name}, or empty when the poll has not run yet. */
    Optional<String> load(String name);

    /** Stores {@code next} under {@code name}, replacing what was there. */
    void save(String name, String next);
}

package org.trilateral.integrity.witness;

import java.util.Optional;

/**
 * Where a witness keeps the latest checkpoint it cosigned for each log. {@link #replace} is atomic: checking the
 * expected size and storing the new checkpoint happen together (tlog-witness: otherwise two concurrent requests
 * could roll the witness back).
 */
public interface WitnessState {

    /** The latest cosigned checkpoint note of the log with {@code origin}, with its cosignature lines. */
    Optional<String> latest(String origin);

    /**
     * Stores {@code cosignedNote} (of size {@code newSize}) as the latest for {@code origin} if the latest stored
     * one has size {@code expectedSize} (0 when none is stored).
     *
     * @return false, storing nothing, when the stored size is not {@code expectedSize}
     */
    boolean replace(String origin, long expectedSize, long newSize, String cosignedNote);
}

package org.trilateral.integrity.witness;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.SignedNote;

/** A witness state in memory, for tests and short-lived witnesses. Thread-safe. */
public final class InMemoryWitnessState implements WitnessState {

    private final Map<String, String> latest = new HashMap<>();

    @Override
    public synchronized Optional<String> latest(String origin) {
        return Optional.ofNullable(latest.get(origin));
    }

    @Override
    public synchronized boolean replace(String origin, long expectedSize, long newSize, String cosignedNote) {
        String stored = latest.get(origin);
        long storedSize = stored == null ? 0 : Checkpoint.parse(SignedNote.parse(stored).text()).size();
        if (storedSize != expectedSize) {
            return false;
        }
        latest.put(origin, cosignedNote);
        return true;
    }
}

package org.trilateral.client;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Cursors kept in memory only: for tests and for jobs that do not need to survive a restart. */
public final class InMemoryCursorStore implements CursorStore {

    private final ConcurrentMap<String, String> cursors = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String name) {
        return Optional.ofNullable(cursors.get(name));
    }

    @Override
    public void save(String name, String next) {
        cursors.put(name, next);
    }
}

package org.trilateral.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the public key and admin events this client has read from the log, and how far it has read, so a restarted
 * client does not read every leaf again: the leaves below {@link #readUpTo()} are fixed by the consistency of the
 * verified checkpoints. Implementations must be durable and thread-safe.
 */
public interface LogEventStore {

    /** A public leaf kept: its index and its text as served. */
    record Event(long index, String leaf) {
    }

    /** How many leaves have been read. */
    long readUpTo();

    /** The key and admin events read, in log order. */
    List<Event> events();

    /** Adds {@code events} (all below {@code readUpTo}) and records that the log was read up to {@code readUpTo}. */
    void append(List<Event> events, long readUpTo);

    /** A store in memory only. */
    static LogEventStore inMemory() {
        return new LogEventStore() {
            private final List<Event> events = new ArrayList<>();
            private long read;

            @Override
            public synchronized long readUpTo() {
                return read;
            }

            @Override
            public synchronized List<Event> events() {
                return List.copyOf(events);
            }

            @Override
            public synchronized void append(List<Event> more, long readUpTo) {
                events.addAll(more);
                read = readUpTo;
            }
        };
    }
}

package org.trilateral.exchange.ledger;

/**
 * Something the log records, before the log gives it an index and an acceptance time (docs/transparency-log.md,
 * leaf format 2): a {@link SealedLogEntry} about an object, whose leaf is a commitment that only the object's readers
 * can open, or a {@link PublicLogEntry} (key and admin events), whose leaf says everything.
 */
public sealed interface LogEntry permits SealedLogEntry, PublicLogEntry {

    /** The stored kind: {@code object-version}, {@code tombstone}, {@code expiry}, {@code key-event} or {@code admin-event}. */
    String kind();
}

package org.trilateral.exchange.ledger;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Something the log records: what a leaf says, before the log gives it an index and an acceptance time. The
 * leaf is the RFC 8785 (JCS) form of {@link #toJson}.
 */
public sealed interface LogEntry permits ObjectVersionEntry, TombstoneEntry, KeyEventEntry {

    /** The leaf's {@code kind}: {@code object-version}, {@code tombstone} or {@code key-event}. */
    String kind();

    /** The STIX id the leaf is about, or null (key events). */
    String stixId();

    /** The object version (its {@code modified} text) the leaf is about, or null. */
    String version();

    /** The collection the leaf is about, or null. */
    String collectionId();

    /** SHA-256 of the canonical object (object versions only), or null. */
    byte[] objectSha256();

    /** The leaf's members, with the {@code log_index} and {@code accepted} time the log assigned. */
    ObjectNode toJson(long logIndex, Instant accepted);
}

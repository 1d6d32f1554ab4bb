package org.trilateral.exchange.ledger;

import org.trilateral.integrity.log.LogLeaf;

/** An entry whose leaf is public: a key event or an administrative action. */
public sealed interface PublicLogEntry extends LogEntry permits KeyEventEntry, AdminEventEntry {

    /** The leaf, accepted at {@code accepted} (RFC 3339, microseconds). */
    LogLeaf leafAt(String accepted);
}

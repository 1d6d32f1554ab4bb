package org.trilateral.exchange.object;

import java.time.Instant;

/** What storing one object did: added it, found it already stored, or refused it as a conflicting version. */
record StoreOutcome(IncomingObject object, Kind kind, String versionText, Instant dateAdded) {

    enum Kind { ADDED, ALREADY_STORED, CONFLICT }
}

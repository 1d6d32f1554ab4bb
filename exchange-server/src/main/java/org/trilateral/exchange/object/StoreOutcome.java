package org.trilateral.exchange.object;

import java.time.Instant;

/**
 * What storing one object did: added it, found it already stored, refused it as a conflicting version, or refused
 * it because another member published that object (STIX 2.1 §3.6: only an object's creator may version it).
 */
record StoreOutcome(IncomingObject object, Kind kind, String versionText, Instant dateAdded) {

    enum Kind { ADDED, ALREADY_STORED, CONFLICT, OTHER_PUBLISHER }
}

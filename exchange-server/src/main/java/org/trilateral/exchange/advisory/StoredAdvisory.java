package org.trilateral.exchange.advisory;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of an advisory's report, as a reader is given it.
 *
 * @param id        the report's STIX id
 * @param version   its version, as stored ({@code modified})
 * @param seq       its place in the collection (newer is larger): the list's order and cursor
 * @param body      the report as TAXII serves it (the stored text, unchanged, so its signature checks)
 * @param issuer    the member that published it
 * @param tlp       its effective TLP 2.0 level ({@code clear}, {@code green}, {@code amber}, {@code amber+strict},
 *                  {@code red})
 * @param dateAdded when the exchange stored it (TAXII 2.1 {@code date_added})
 * @param revoked   whether this version revokes the report (STIX 2.1 §3.6)
 */
record StoredAdvisory(String id, String version, long seq, String body, String issuer, String tlp, Instant dateAdded,
                      boolean revoked) {

    StoredAdvisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(body, "body");
    }
}

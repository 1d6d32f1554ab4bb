package org.trilateral.exchange.object;

import java.time.Instant;

/** One stored object version as reads return it. */
public record ObjectVersion(long sequence, String id, String specVersion, String versionText, Instant dateAdded,
                            String body) {
}

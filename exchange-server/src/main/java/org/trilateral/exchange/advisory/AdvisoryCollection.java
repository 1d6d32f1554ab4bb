package org.trilateral.exchange.advisory;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;

/**
 * The collection whose reports are advisories ({@code exchange.advisories.collection}). An exchange configured without
 * it has no advisories: {@code /advisories} answers that there is none, and streams have no advisory lane.
 */
public final class AdvisoryCollection {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryCollection.class);

    private AdvisoryCollection() {
    }

    /** The advisory collection among {@code collections}, if one has the configured id or alias. */
    public static Optional<TaxiiCollection> find(CollectionRegistry collections, AdvisoryProperties properties) {
        Optional<TaxiiCollection> found = collections.find(properties.collection());
        if (found.isEmpty()) {
            log.warn("exchange.advisories.collection names '{}', which no collection of exchange.collections has as id"
                    + " or alias: the exchange serves no advisories", properties.collection());
        }
        return found;
    }
}

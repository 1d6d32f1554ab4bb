package org.trilateral.exchange.advisory;

import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;

/** The collection whose reports are advisories ({@code exchange.advisories.collection}). */
public final class AdvisoryCollection {

    private AdvisoryCollection() {
    }

    /**
     * The advisory collection among {@code collections}.
     *
     * @throws IllegalStateException naming the setting when no collection has that id or alias
     */
    public static TaxiiCollection resolve(CollectionRegistry collections, AdvisoryProperties properties) {
        return collections.find(properties.collection()).orElseThrow(() -> new IllegalStateException(
                "exchange.advisories.collection names '" + properties.collection() + "', but no collection of"
                        + " exchange.collections has that id or alias"));
    }
}

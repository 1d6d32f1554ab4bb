package org.trilateral.exchange.collection;

import java.util.List;
import java.util.Objects;

/** One collection of the API root: its TAXII id, alias and description, and whether clients may write to it. */
public record TaxiiCollection(String id, String alias, String title, String description, List<String> mediaTypes,
                              boolean writable) {

    public TaxiiCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        mediaTypes = List.copyOf(mediaTypes);
    }
}

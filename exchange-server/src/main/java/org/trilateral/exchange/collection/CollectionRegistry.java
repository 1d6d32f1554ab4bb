package org.trilateral.exchange.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The collections the exchange serves, looked up by id or by alias. */
@Component
public class CollectionRegistry {

    private final List<TaxiiCollection> collections;
    private final Map<String, TaxiiCollection> byKey = new LinkedHashMap<>();

    public CollectionRegistry(CollectionProperties properties) {
        this.collections = properties.collections().stream()
                .map(c -> new TaxiiCollection(c.id().toString(), c.alias(), c.title(), c.description(), c.mediaTypes(),
                        c.readRoles(), c.writeRoles(), c.acceptUnsigned(), c.personas(), c.personaSchemes()))
                .toList();
        for (TaxiiCollection collection : collections) {
            register(collection.id(), collection);
            register(collection.alias(), collection);
        }
    }

    private void register(String key, TaxiiCollection collection) {
        if (byKey.putIfAbsent(key, collection) != null) {
            throw new IllegalStateException("collection id or alias '" + key + "' is configured twice");
        }
    }

    public List<TaxiiCollection> all() {
        return collections;
    }

    /** The collection whose id or alias is {@code key}. */
    public Optional<TaxiiCollection> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}

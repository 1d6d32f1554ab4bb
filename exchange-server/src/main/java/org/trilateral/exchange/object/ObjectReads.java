package org.trilateral.exchange.object;

import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.taxii.ObjectQuery;
import reactor.core.publisher.Mono;

/**
 * Reads of a collection's object versions for one member, with the audience rule of docs/access-rules.md applied: an
 * object the member may not read does not exist for it. Serves the objects, object, versions and manifest endpoints.
 */
@Component
public class ObjectReads {

    private final ObjectStore store;

    ObjectReads(ObjectStore store) {
        this.store = store;
    }

    /** One page of the versions matching {@code query}; their bodies only when {@code withBodies}. */
    public Mono<ObjectPage> page(TaxiiCollection collection, ObjectQuery query, Member member, boolean withBodies) {
        return store.find(collection.id(), query, withBodies, Reader.of(member));
    }

    /**
     * One page of the versions of object {@code id}; refused as not found when the first page is empty, so an object
     * that does not exist, or that the member may not read, or whose versions the filters exclude, is a 404 (§5.6,
     * §5.8), while a later page may be empty.
     */
    Mono<ObjectPage> versionsOf(TaxiiCollection collection, String id, ObjectQuery query, Member member,
                                boolean withBodies) {
        return page(collection, query.forObject(id), member, withBodies)
                .flatMap(page -> page.items().isEmpty() && query.cursor().afterSequence() == 0
                        ? Mono.error(notFound(collection, id))
                        : Mono.just(page));
    }

    static Refusal notFound(TaxiiCollection collection, String id) {
        return Refusal.notFound("no object '" + id + "' (matching the filters) in collection '" + collection.alias() + "'");
    }
}

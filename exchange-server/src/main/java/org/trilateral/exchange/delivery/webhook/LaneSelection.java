package org.trilateral.exchange.delivery.webhook;

import java.util.List;
import java.util.Optional;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.delivery.ChangeSelection;
import org.trilateral.exchange.member.Member;

/**
 * What one lane of an endpoint delivers, decided afresh for the member as it is now: the collections it may read now
 * (TAXII 2.1 §5.2 {@code can_read}), narrowed to the endpoint's collection if it names one, split between the priority
 * collection (the advisories lane) and every other (the general lane), and the endpoint's types.
 */
final class LaneSelection {

    private LaneSelection() {
    }

    /** The lane's selection; empty when the member may read none of its collections now. */
    static Optional<ChangeSelection> of(WebhookEndpoint endpoint, Member member, Lane lane, CollectionRegistry collections,
                                        String priorityCollection) {
        Optional<String> priority = collections.find(priorityCollection).map(TaxiiCollection::id);
        List<String> ids = collections.all().stream()
                .filter(c -> c.canRead(member))
                .filter(c -> endpoint.collection().map(c.id()::equals).orElse(true))
                .filter(c -> (lane == Lane.ADVISORIES) == priority.map(c.id()::equals).orElse(false))
                .map(TaxiiCollection::id)
                .toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(new ChangeSelection(ids, endpoint.types()));
    }
}

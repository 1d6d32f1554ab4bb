package org.trilateral.exchange.object;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.ledger.TombstoneEntry;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.VersionFilter;
import reactor.core.publisher.Mono;

/**
 * Deletes versions of one object (TAXII 2.1 §5.7). A deletion never removes a leaf from the transparency log: each
 * deleted version gets a tombstone leaf, in the same transaction as the deletion, so the log tells a deletion from a
 * loss (docs/transparency-log.md).
 */
@Component
public class ObjectDeletion {

    private final ObjectStore store;
    private final TransparencyLog log;
    private final TransactionalOperator transaction;

    ObjectDeletion(ObjectStore store, TransparencyLog log, TransactionalOperator transaction) {
        this.store = store;
        this.log = log;
        this.transaction = transaction;
    }

    /**
     * Deletes the versions of {@code id} that {@code query}'s {@code match[version]} and {@code match[spec_version]}
     * select; refused as not found when none does. Answers how many were deleted.
     */
    Mono<Integer> delete(TaxiiCollection collection, String id, ObjectQuery query, MemberId deletedBy) {
        return store.delete(collection.id(), id, query.versions(), query.specVersions())
                .flatMap(versions -> log.appendTombstones(versions.stream()
                                .map(version -> new TombstoneEntry(collection.id(), id, version.versionText(),
                                        version.sha256(), deletedBy.value(), version.audience())).toList())
                        .thenReturn(versions.size()))
                .as(transaction::transactional)
                .flatMap(count -> count == 0 ? Mono.error(ObjectReads.notFound(collection, id)) : Mono.just(count));
    }

    /**
     * Deletes every version of {@code id}, each with a tombstone naming {@code deletedBy} (e.g. {@code retention});
     * answers how many versions were deleted, 0 when none was left.
     */
    public Mono<Integer> deleteAllVersions(TaxiiCollection collection, String id, String deletedBy) {
        return store.delete(collection.id(), id, VersionFilter.ALL, java.util.Set.of())
                .flatMap(versions -> log.appendTombstones(versions.stream()
                                .map(version -> new TombstoneEntry(collection.id(), id, version.versionText(),
                                        version.sha256(), deletedBy, version.audience())).toList())
                        .thenReturn(versions.size()))
                .as(transaction::transactional);
    }
}

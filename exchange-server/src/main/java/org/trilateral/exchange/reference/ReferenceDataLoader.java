package org.trilateral.exchange.reference;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.Nation;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.exchange.object.ObjectIngest;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.taxonomy.ExchangeIdentity;

/**
 * Loads the reference data into its collection at start-up, after the members and their keys and before the port
 * opens, so a new exchange has the extension definitions,
 * TLP markings and public seed facts its members build on. Loading again is harmless: a stored version is a
 * success that changes nothing.
 */
@Component
@Order(2)
class ReferenceDataLoader implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    /**
     * The exchange as the publisher of its reference data. It is not a registered member (no token maps to it):
     * it only attributes these objects to the exchange's own identity.
     */
    static final Member EXCHANGE = new Member(new MemberId("exchange"), ExchangeIdentity.NAME, Nation.OTHER, Sector.OTHER,
            ExchangeIdentity.ID, Set.of(), MemberStatus.ACTIVE, List.of(), Instant.EPOCH, Instant.EPOCH);

    private final ReferenceProperties properties;
    private final CollectionRegistry collections;
    private final ObjectIngest ingest;

    ReferenceDataLoader(ReferenceProperties properties, CollectionRegistry collections, ObjectIngest ingest) {
        this.properties = properties;
        this.collections = collections;
        this.ingest = ingest;
    }

    @Override
    public void run() {
        if (!properties.loadOnStart()) {
            return;
        }
        TaxiiCollection collection = collections.find(properties.collection()).orElseThrow(() -> new IllegalStateException(
                "exchange.reference.collection '" + properties.collection() + "' is not a configured collection"));
        // On the main thread, before the port opens: waiting here is what makes the data present before the first
        // request.
        IngestStatus status = ingest.ingestOwn(collection, ReferenceData.objects(), EXCHANGE).block();
        if (status == null) {
            throw new IllegalStateException("loading the reference data produced no status");
        }
        status.failures().forEach(f -> log.warn("Reference object {} not loaded: {}", f.id(), f.message()));
        log.info("Reference data in collection '{}': {} objects, {} refused", collection.alias(),
                status.successes().size(), status.failures().size());
    }
}

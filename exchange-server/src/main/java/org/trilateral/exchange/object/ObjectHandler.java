package org.trilateral.exchange.object;

import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionHandler;
import org.trilateral.exchange.security.CurrentMember;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.ledger.TombstoneEntry;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.exchange.status.StatusHandler;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiResponses;
import org.trilateral.exchange.taxii.VersionFilter;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * The object endpoints of a collection: get and add objects (§5.3, §5.4), get and delete one object (§5.5,
 * §5.6), list an object's versions (§5.7).
 */
@Component
public class ObjectHandler {

    private final CollectionRegistry collections;
    private final ObjectStore store;
    private final ObjectIngest ingest;
    private final TransactionalOperator transaction;
    private final TaxiiProperties.Limits limits;
    private final TransparencyLog log;

    public ObjectHandler(CollectionRegistry collections, ObjectStore store, ObjectIngest ingest,
                         TransactionalOperator transaction, TaxiiProperties properties, TransparencyLog log) {
        this.collections = collections;
        this.store = store;
        this.ingest = ingest;
        this.transaction = transaction;
        this.limits = properties.limits();
        this.log = log;
    }

    public Mono<ServerResponse> getObjects(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST);
        return reader(request).flatMap(reader -> store.find(collection.id(), query, true, reader)).flatMap(ObjectHandler::envelope);
    }

    public Mono<ServerResponse> getObject(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        String id = request.pathVariable("objectId");
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST).forObject(id);
        return reader(request).flatMap(reader -> store.find(collection.id(), query, true, reader))
                .flatMap(page -> page.items().isEmpty() && query.cursor().afterSequence() == 0
                        ? Mono.error(notFound(collection, id))
                        : envelope(page));
    }

    public Mono<ServerResponse> versions(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        String id = request.pathVariable("objectId");
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.ALL).forObject(id);
        return reader(request).flatMap(reader -> store.find(collection.id(), query, false, reader)).flatMap(page -> {
            if (page.items().isEmpty() && query.cursor().afterSequence() == 0) {
                return Mono.error(notFound(collection, id));
            }
            StringBuilder json = new StringBuilder(64 + page.items().size() * 32).append("{\"more\":").append(page.more());
            page.next().ifPresent(next -> json.append(",\"next\":\"").append(next.encode()).append('"'));
            if (!page.items().isEmpty()) {
                json.append(",\"versions\":[");
                for (int i = 0; i < page.items().size(); i++) {
                    json.append(i == 0 ? "" : ",").append(StixJson.mapper().writeValueAsString(page.items().get(i).versionText()));
                }
                json.append(']');
            }
            json.append('}');
            return TaxiiResponses.raw(HttpStatus.OK, TaxiiResponses.utf8(json), page.firstAdded(), page.lastAdded());
        });
    }

    public Mono<ServerResponse> deleteObject(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        String id = request.pathVariable("objectId");
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.ALL);
        // A deletion never removes a leaf: each deleted version gets a tombstone leaf in the same transaction.
        // deleted_by stays empty until requests carry an authenticated member.
        return store.delete(collection.id(), id, query.versions(), query.specVersions())
                .flatMap(versions -> log.appendTombstones(versions.stream()
                                .map(version -> new TombstoneEntry(collection.id(), id, version, Optional.empty())).toList())
                        .thenReturn(versions.size()))
                .as(transaction::transactional)
                .flatMap(count -> count == 0
                        ? Mono.error(notFound(collection, id))
                        : ServerResponse.ok().build());
    }

    public Mono<ServerResponse> addObjects(ServerRequest request) {
        TaxiiCollection collection = CollectionHandler.require(collections, request);
        long max = limits.maxContentLength().toBytes();
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > max) {
            return Mono.error(TaxiiException.tooLarge("the request body of " + declared
                    + " bytes is larger than max_content_length (" + max + " bytes)"));
        }
        EnvelopeReader reader = new EnvelopeReader(limits.maxObjectsPerEnvelope());
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(Integer.MAX_VALUE, max))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    if (bytes.length == 0) {
                        throw TaxiiException.badRequest("the request has no body; send a TAXII envelope");
                    }
                    return reader.read(bytes);
                })
                .zipWith(CurrentMember.of(request))
                .flatMap(objectsAndMember -> ingest.ingest(collection, objectsAndMember.getT1(), objectsAndMember.getT2()))
                .flatMap(status -> TaxiiResponses.resource(HttpStatus.ACCEPTED, StatusHandler.resource(status)));
    }

    /** The calling member as the read paths see it: objects it may not read do not exist for it. */
    public static Mono<Reader> reader(ServerRequest request) {
        return CurrentMember.of(request).map(Reader::of);
    }

    /** §3.7 envelope, assembled from the stored JSON of each object without re-serialising it. */
    private static Mono<ServerResponse> envelope(ObjectPage page) {
        int size = 64;
        for (ObjectVersion item : page.items()) {
            size += item.body().length() + 1;
        }
        StringBuilder json = new StringBuilder(size).append("{\"more\":").append(page.more());
        page.next().ifPresent(next -> json.append(",\"next\":\"").append(next.encode()).append('"'));
        if (!page.items().isEmpty()) {
            json.append(",\"objects\":[");
            for (int i = 0; i < page.items().size(); i++) {
                json.append(i == 0 ? "" : ",").append(page.items().get(i).body());
            }
            json.append(']');
        }
        json.append('}');
        return TaxiiResponses.raw(HttpStatus.OK, TaxiiResponses.utf8(json), page.firstAdded(), page.lastAdded());
    }

    private static TaxiiException notFound(TaxiiCollection collection, String id) {
        return TaxiiException.notFound("no object '" + id + "' (matching the filters) in collection '" + collection.alias() + "'");
    }
}

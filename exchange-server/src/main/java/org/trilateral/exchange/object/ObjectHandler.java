package org.trilateral.exchange.object;

import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.TaxiiRequest;
import org.trilateral.exchange.status.StatusResource;
import org.trilateral.exchange.taxii.ObjectQuery;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiProperties;
import org.trilateral.exchange.taxii.TaxiiResponses;
import org.trilateral.exchange.taxii.VersionFilter;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * The object endpoints of a collection: get and add objects (§5.4, §5.5), get and delete one object (§5.6, §5.7),
 * list an object's versions (§5.8). Each parses its request, calls one operation and renders the result.
 */
@Component
class ObjectHandler {

    private final ObjectReads reads;
    private final ObjectIngest ingest;
    private final ObjectDeletion deletion;
    private final TaxiiProperties.Limits limits;
    private final EnvelopeReader envelopes;

    ObjectHandler(ObjectReads reads, ObjectIngest ingest, ObjectDeletion deletion, TaxiiProperties properties) {
        this.reads = reads;
        this.ingest = ingest;
        this.deletion = deletion;
        this.limits = properties.limits();
        this.envelopes = new EnvelopeReader(limits);
    }

    Mono<ServerResponse> getObjects(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST);
        return reads.page(taxii.collection(), query, taxii.member(), true).flatMap(ObjectHandler::envelope);
    }

    Mono<ServerResponse> getObject(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.LAST);
        return reads.versionsOf(taxii.collection(), request.pathVariable("objectId"), query, taxii.member(), true)
                .flatMap(ObjectHandler::envelope);
    }

    Mono<ServerResponse> versions(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.ALL);
        return reads.versionsOf(taxii.collection(), request.pathVariable("objectId"), query, taxii.member(), false)
                .flatMap(ObjectHandler::versionList);
    }

    Mono<ServerResponse> deleteObject(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        ObjectQuery query = ObjectQuery.parse(request.queryParams(), limits, VersionFilter.ALL);
        return deletion.delete(taxii.collection(), request.pathVariable("objectId"), query, taxii.member().id())
                .then(ServerResponse.ok().build());
    }

    Mono<ServerResponse> addObjects(ServerRequest request) {
        TaxiiRequest taxii = TaxiiRequest.of(request);
        long max = limits.maxContentLength().toBytes();
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > max) {
            return Mono.error(TaxiiException.tooLarge("the request body of " + declared
                    + " bytes is larger than max_content_length (" + max + " bytes)"));
        }
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
                    return envelopes.read(bytes);
                })
                .flatMap(objects -> ingest.ingest(taxii.collection(), objects, taxii.member()))
                .flatMap(status -> TaxiiResponses.resource(HttpStatus.ACCEPTED, StatusResource.of(status)));
    }

    /** §3.7 envelope, assembled from the stored JSON of each object without re-serialising it. */
    private static Mono<ServerResponse> envelope(ObjectPage page) {
        int size = 64;
        for (ObjectVersion item : page.items()) {
            size += item.body().length() + 1;
        }
        return pageOf(page, "objects", size, ObjectVersion::body);
    }

    /** §5.8 versions resource: the version of each item, in storage order. */
    private static Mono<ServerResponse> versionList(ObjectPage page) {
        return pageOf(page, "versions", 64 + page.items().size() * 32,
                item -> StixJson.mapper().writeValueAsString(item.versionText()));
    }

    /** A paged TAXII resource: {@code more}, {@code next} and the items' JSON under {@code member}. */
    private static Mono<ServerResponse> pageOf(ObjectPage page, String member, int size,
                                               Function<ObjectVersion, String> json) {
        StringBuilder body = new StringBuilder(size).append("{\"more\":").append(page.more());
        page.next().ifPresent(next -> body.append(",\"next\":\"").append(next.encode()).append('"'));
        if (!page.items().isEmpty()) {
            body.append(",\"").append(member).append("\":[");
            for (int i = 0; i < page.items().size(); i++) {
                body.append(i == 0 ? "" : ",").append(json.apply(page.items().get(i)));
            }
            body.append(']');
        }
        body.append('}');
        return TaxiiResponses.raw(HttpStatus.OK, TaxiiResponses.utf8(body), page.firstAdded(), page.lastAdded());
    }
}

package org.trilateral.exchange.taxii;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Mono;

/** Writes TAXII resources with the TAXII media type and the paging headers of §3.4. */
public final class TaxiiResponses {

    public static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    public static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private TaxiiResponses() {
    }

    /** A resource serialised with the STIX JSON mapper. */
    public static Mono<ServerResponse> resource(HttpStatus status, Object resource) {
        return raw(status, StixJson.mapper().writeValueAsBytes(resource), Optional.empty(), Optional.empty());
    }

    /** A body already in JSON form (for example an envelope assembled from stored objects). */
    public static Mono<ServerResponse> raw(HttpStatus status, byte[] json, Optional<Instant> firstAdded,
                                           Optional<Instant> lastAdded) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status)
                .header("Content-Type", TaxiiMediaTypes.TAXII_VALUE);
        firstAdded.ifPresent(t -> builder.header(DATE_ADDED_FIRST, StixTimestamp.formatMicros(t)));
        lastAdded.ifPresent(t -> builder.header(DATE_ADDED_LAST, StixTimestamp.formatMicros(t)));
        return builder.bodyValue(json);
    }

    public static byte[] utf8(CharSequence json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}

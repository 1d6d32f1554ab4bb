package org.trilateral.exchange.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * The TAXII 2.1 status resource (§4.3.1) of one ingest, as both the status endpoint and the POST to a collection's
 * objects answer it.
 */
public record StatusResource(
        String id,
        String status,
        @JsonProperty("request_timestamp") String requestTimestamp,
        @JsonProperty("total_count") int totalCount,
        @JsonProperty("success_count") int successCount,
        List<StatusDetail> successes,
        @JsonProperty("failure_count") int failureCount,
        List<StatusDetail> failures,
        @JsonProperty("pending_count") int pendingCount,
        List<StatusDetail> pendings) {

    public static StatusResource of(IngestStatus status) {
        return new StatusResource(status.id().toString(), status.state(),
                StixTimestamp.formatMicros(status.requestTimestamp()), status.totalCount(),
                status.successes().size(), status.successes(), status.failures().size(), status.failures(),
                status.pendings().size(), status.pendings());
    }
}

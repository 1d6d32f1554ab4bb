package org.trilateral.exchange.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.trilateral.exchange.member.MemberId;

/**
 * The outcome of one POST to a collection's objects (TAXII 2.1 §4.3). Ingest is synchronous, so a status is
 * always {@code complete} and has no pendings.
 *
 * @param postedBy the id of the member that posted; only it (and admins) may read the status
 */
public record IngestStatus(UUID id, String collectionId, Instant requestTimestamp,
                           List<StatusDetail> successes, List<StatusDetail> failures, List<StatusDetail> pendings,
                           MemberId postedBy) {

    public IngestStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(requestTimestamp, "requestTimestamp");
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
    }

    public int totalCount() {
        return successes.size() + failures.size() + pendings.size();
    }

    public String state() {
        return pendings.isEmpty() ? "complete" : "pending";
    }
}

package org.trilateral.exchange.object;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trilateral.exchange.ledger.SignatureReference;

/**
 * What {@link IngestPolicy} decided for an envelope.
 *
 * @param decidedAt  the time it judged at (key validity), which is the status resource's {@code request_timestamp}
 * @param accepted   the objects to store, in envelope order
 * @param refused    the other objects, with their reasons
 * @param signatures the signature each accepted signed object's log leaf names, by its index in the envelope
 */
record IngestDecision(Instant decidedAt, List<IncomingObject> accepted, List<Refused> refused,
                      Map<Integer, SignatureReference> signatures) {

    IngestDecision {
        Objects.requireNonNull(decidedAt, "decidedAt");
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
        signatures = Map.copyOf(signatures);
    }

    /** The decisions of consecutive parts of one envelope, all taken at the same time, as one. */
    static IngestDecision merge(List<IngestDecision> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<IncomingObject> accepted = new java.util.ArrayList<>();
        List<Refused> refused = new java.util.ArrayList<>();
        Map<Integer, SignatureReference> signatures = new java.util.HashMap<>();
        for (IngestDecision part : parts) {
            if (!part.decidedAt().equals(parts.get(0).decidedAt())) {
                throw new IllegalArgumentException("parts of one envelope are decided at one time");
            }
            accepted.addAll(part.accepted());
            refused.addAll(part.refused());
            signatures.putAll(part.signatures());
        }
        return new IngestDecision(parts.get(0).decidedAt(), accepted, refused, signatures);
    }

    /**
     * One refused object.
     *
     * @param id      its id, or {@code objects[i]} when it has no usable one
     * @param version its version text, when it has one
     */
    record Refused(int index, String id, String version, String reason) {
    }
}

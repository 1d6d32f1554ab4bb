package org.trilateral.client;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link LogVerifier#audit}: what was walked and every finding.
 *
 * @param from the first leaf walked
 * @param to the leaf after the last walked
 * @param addressed how many leaves were addressed to this member (by its audience tags)
 * @param opened how many openings the exchange gave
 * @param findings each problem found: {@code WITHHELD}, {@code STALE}, {@code LEAF_MISMATCH}
 */
public record AuditReport(long from, long to, long addressed, long opened, List<Finding> findings) {

    /** One problem: its kind, the leaf it concerns and a sentence. */
    public record Finding(VerificationFailure failure, long logIndex, String detail) {

        public Finding {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing was found. */
    public boolean clean() {
        return findings.isEmpty();
    }
}

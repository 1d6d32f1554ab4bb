package org.trilateral.exchange.advisory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one member has acknowledged of one advisory version.
 *
 * @param memberId         the member
 * @param version          the advisory version acknowledged (null for a member that acknowledged nothing)
 * @param systemReceivedAt when its system received it, if it did
 * @param channel          how its system received it
 * @param personAt         when a person acknowledged it, if one did
 * @param personIssuer     the identity provider (configured name) of the person's token
 * @param personSubject    the subject of the person's token
 */
record Receipt(String memberId, String version, Optional<Instant> systemReceivedAt, Optional<ReceiptChannel> channel,
               Optional<Instant> personAt, Optional<String> personIssuer, Optional<String> personSubject) {

    Receipt {
        Objects.requireNonNull(memberId, "memberId");
    }

    /** A member that has acknowledged nothing yet. */
    static Receipt none(String memberId) {
        return new Receipt(memberId, null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}

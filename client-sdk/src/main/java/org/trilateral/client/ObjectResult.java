package org.trilateral.client;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What became of one published object version, from the exchange's status resource (TAXII 2.1 §4.3.1).
 *
 * @param id the object's id (or {@code objects[i]} when it had none)
 * @param version the version the exchange recorded, or null
 * @param outcome accepted, refused, or still pending when the client stopped waiting
 * @param message the exchange's message; for a refusal, the reason
 * @param logIndex the object's index in the transparency log, when the exchange reports it
 */
public record ObjectResult(String id, String version, Outcome outcome, String message, OptionalLong logIndex) {

    /** What became of the object. */
    public enum Outcome {
        /** Stored (or already stored). */
        ACCEPTED,
        /** Refused; {@link ObjectResult#message()} says why. Republishing unchanged will not help. */
        REFUSED,
        /** Not yet decided when the client stopped waiting for the status. */
        PENDING
    }

    public ObjectResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(logIndex, "logIndex");
    }

    /** Whether the exchange stored the object. */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}

package org.trilateral.client;

import java.util.List;

/**
 * The outcome of one publication: one result per object version, in the order the objects were given.
 *
 * @param results per-object results
 */
public record PublishResult(List<ObjectResult> results) {

    public PublishResult {
        results = List.copyOf(results);
    }

    /** The objects the exchange stored. */
    public List<ObjectResult> accepted() {
        return results.stream().filter(r -> r.outcome() == ObjectResult.Outcome.ACCEPTED).toList();
    }

    /** The objects the exchange refused, each with the reason. */
    public List<ObjectResult> refused() {
        return results.stream().filter(r -> r.outcome() == ObjectResult.Outcome.REFUSED).toList();
    }

    /** The objects still pending when the client stopped waiting. */
    public List<ObjectResult> pending() {
        return results.stream().filter(r -> r.outcome() == ObjectResult.Outcome.PENDING).toList();
    }

    /** Whether every object was stored. */
    public boolean allAccepted() {
        return results.stream().allMatch(ObjectResult::accepted);
    }
}

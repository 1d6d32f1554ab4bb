package org.trilateral.client;

import java.util.Objects;

/**
 * Two signed checkpoints of one log that cannot both be true (C2SP tlog-checkpoint): the same size with different
 * roots, or a later one that does not extend the earlier. Each is signed by the log's key, so anyone holding the key
 * can check the evidence, e.g. another member or a witness's operator.
 *
 * @param kept the checkpoint verified before, as its signed note
 * @param presented the one that contradicts it, as its signed note
 * @param reason what contradicts what
 */
public record ForkEvidence(String kept, String presented, String reason) {

    public ForkEvidence {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(reason, "reason");
    }

    /** The evidence as text to hand to others: the reason, then both signed notes. */
    public String format() {
        return "# " + reason + "\n# verified before:\n" + kept + "\n# presented now:\n" + presented;
    }
}

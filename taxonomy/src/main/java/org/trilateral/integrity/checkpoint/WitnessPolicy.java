package org.trilateral.integrity.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which witnesses a log client requires: a checkpoint is trusted only with valid cosignatures (C2SP
 * tlog-cosignature) of at least {@code quorum} of the configured witnesses. Witnesses check that every checkpoint
 * they cosign extends the last one they cosigned (C2SP tlog-witness), so a quorum of honest witnesses means one
 * view of the log for everyone: a hub that shows one client a private branch cannot get it cosigned.
 *
 * @param witnesses the cosigner keys of the witnesses trusted (e.g. one per nation)
 * @param quorum how many distinct witnesses must have cosigned, 1 to {@code witnesses.size()}; 0 with no witness
 * @param maxFutureSkew a cosignature timestamp further in the future than this is refused
 */
public record WitnessPolicy(List<CosignerKey> witnesses, int quorum, Duration maxFutureSkew) {

    public WitnessPolicy {
        witnesses = List.copyOf(new LinkedHashSet<>(witnesses));
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (quorum < 0 || quorum > witnesses.size() || (quorum == 0 && !witnesses.isEmpty())) {
            throw new IllegalArgumentException("a witness quorum is between 1 and the number of witnesses ("
                    + witnesses.size() + "), not " + quorum);
        }
    }

    /** No witness: the log's own signature is all that is checked. */
    public static WitnessPolicy none() {
        return new WitnessPolicy(List.of(), 0, Duration.ofMinutes(5));
    }

    /** {@code quorum} of {@code witnesses}, cosignature timestamps at most five minutes in the future. */
    public static WitnessPolicy of(List<CosignerKey> witnesses, int quorum) {
        return new WitnessPolicy(witnesses, quorum, Duration.ofMinutes(5));
    }

    /** True when no witness is required. */
    public boolean isEmpty() {
        return witnesses.isEmpty();
    }

    /**
     * The cosignatures of configured witnesses on the note, checked against the quorum.
     *
     * @param now the client's clock, for the future-timestamp check
     * @return the valid cosignatures, one per witness, at least {@code quorum}
     * @throws NoteVerificationException naming the witnesses that cosigned and the quorum, when fewer did; or when
     *     a line of a configured witness does not verify, or is dated too far in the future
     */
    public List<Cosignature> require(SignedNote note, Instant now) {
        List<Cosignature> valid = new ArrayList<>();
        for (CosignerKey witness : witnesses) {
            Optional<Cosignature> cosignature = witness.cosignatureOf(note);
            if (cosignature.isEmpty()) {
                continue;
            }
            if (cosignature.get().time().isAfter(now.plus(maxFutureSkew))) {
                throw new NoteVerificationException("the cosignature by " + witness.name() + " is dated "
                        + cosignature.get().time() + ", in the future");
            }
            valid.add(cosignature.get());
        }
        if (valid.size() < quorum) {
            throw new NoteVerificationException("the checkpoint has valid cosignatures of " + valid.size()
                    + " of the configured witnesses " + names(valid) + "; " + quorum + " of "
                    + witnesses.stream().map(CosignerKey::name).toList() + " are required");
        }
        return List.copyOf(valid);
    }

    private static List<String> names(List<Cosignature> cosignatures) {
        return cosignatures.stream().map(c -> c.cosigner().name()).toList();
    }
}

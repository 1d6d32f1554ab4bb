package org.trilateral.integrity.witness;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteSignature;
import org.trilateral.integrity.checkpoint.NoteVerificationException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.merkle.ConsistencyProof;
import org.trilateral.integrity.merkle.InvalidProofException;
import org.trilateral.integrity.merkle.MerkleHash;

/**
 * A transparency-log witness (C2SP tlog-witness {@code add-checkpoint}): it cosigns a checkpoint of a log it follows
 * only when the log's key signed it and it extends, by a verified consistency proof, the last checkpoint this
 * witness cosigned. It never cosigns two different trees of one size, nor a smaller tree after a larger one, so
 * clients requiring its cosignature all see one history of the log. Thread-safe when its state is.
 */
public final class Witness {

    private final Cosigner cosigner;
    private final Map<String, List<NoteVerifierKey>> logs;
    private final WitnessState state;
    private final Clock clock;

    /**
     * @param cosigner this witness's key
     * @param logs the logs it follows: origin to the log's note verifier keys
     * @param state where it keeps the latest checkpoint cosigned per log
     * @param clock the clock of its cosignature timestamps
     */
    public Witness(Cosigner cosigner, Map<String, List<NoteVerifierKey>> logs, WitnessState state, Clock clock) {
        this.cosigner = Objects.requireNonNull(cosigner, "cosigner");
        this.logs = Map.copyOf(logs);
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Cosigner cosigner() {
        return cosigner;
    }

    /** The latest checkpoint this witness cosigned for {@code origin}, with its signatures (tlog-witness monitoring). */
    public Optional<String> latest(String origin) {
        return state.latest(origin);
    }

    /** Handles one {@code add-checkpoint} request body. */
    public WitnessAnswer addCheckpoint(String body) {
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(body);
        } catch (IllegalArgumentException e) {
            return WitnessAnswer.refused(400, e.getMessage());
        }
        return addCheckpoint(request);
    }

    /** Handles one {@code add-checkpoint} request, in the order of checks tlog-witness gives. */
    public synchronized WitnessAnswer addCheckpoint(AddCheckpointRequest request) {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(request.checkpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (NoteFormatException e) {
            return WitnessAnswer.refused(400, "the checkpoint is malformed: " + e.getMessage());
        }
        List<NoteVerifierKey> keys = logs.get(checkpoint.origin());
        if (keys == null) {
            return WitnessAnswer.refused(404, "this witness does not follow the log " + checkpoint.origin());
        }
        try {
            note.verify(keys);
        } catch (NoteVerificationException e) {
            return WitnessAnswer.refused(403, "the checkpoint is not validly signed by the log: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return WitnessAnswer.refused(400, "the old size " + request.oldSize() + " is larger than the checkpoint's "
                    + checkpoint.size());
        }
        Optional<Checkpoint> latest = state.latest(checkpoint.origin())
                .map(stored -> Checkpoint.parse(SignedNote.parse(stored).text()));
        long latestSize = latest.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != latestSize) {
            return WitnessAnswer.conflict(latestSize);
        }
        if (checkpoint.size() == 0 && !java.util.Arrays.equals(checkpoint.rootHash(), MerkleHash.emptyRoot())) {
            return WitnessAnswer.refused(422, "a checkpoint of size 0 must have the empty tree's root");
        }
        if (request.oldSize() == 0) {
            if (!request.proof().isEmpty()) {
                return WitnessAnswer.refused(422, "a consistency proof from size 0 must be empty");
            }
        } else {
            try {
                new ConsistencyProof(latestSize, checkpoint.size(), request.proof())
                        .verify(latest.orElseThrow().rootHash(), checkpoint.rootHash());
            } catch (InvalidProofException | IllegalArgumentException e) {
                return WitnessAnswer.refused(422, "the checkpoint of size " + checkpoint.size()
                        + " is not consistent with the one of size " + latestSize + " this witness cosigned: "
                        + e.getMessage());
            }
        }
        NoteSignature line = cosigner.cosign(note.text(), clock.instant().getEpochSecond());
        String cosigned = note.withSignatures(List.of(line)).format();
        if (!state.replace(checkpoint.origin(), latestSize, checkpoint.size(), cosigned)) {
            long now = state.latest(checkpoint.origin())
                    .map(stored -> Checkpoint.parse(SignedNote.parse(stored).text()).size()).orElse(0L);
            return WitnessAnswer.conflict(now);
        }
        return WitnessAnswer.cosigned(List.of(line));
    }
}

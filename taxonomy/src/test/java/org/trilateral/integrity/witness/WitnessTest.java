package org.trilateral.integrity.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.checkpoint.WitnessPolicy;
import org.trilateral.integrity.merkle.CompactRange;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHash;
import org.trilateral.integrity.merkle.SubtreeHashes;

class WitnessTest {

    private static final String ORIGIN = "exchange.trilateral.example/log";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private final NoteSigner log = NoteSigner.generate(ORIGIN);
    private final Cosigner cosigner = Cosigner.generate("witness.jp.example/w1");
    private final Witness witness = new Witness(cosigner, Map.of(ORIGIN, List.of(log.verifierKey())),
            new InMemoryWitnessState(), CLOCK);
    private final List<byte[]> leaves = new ArrayList<>();

    private SignedNote grow(int to) {
        while (leaves.size() < to) {
            leaves.add(MerkleHash.leaf(("leaf " + leaves.size()).getBytes()));
        }
        return new Checkpoint(ORIGIN, to, root(to)).sign(log);
    }

    private byte[] root(int size) {
        return MerkleProofs.root(size, hashes());
    }

    private SubtreeHashes hashes() {
        Map<String, byte[]> all = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (byte[] leaf : leaves) {
            for (SubtreeHash subtree : range.append(leaf)) {
                all.put(subtree.level() + "/" + subtree.index(), subtree.hash());
            }
        }
        return (level, index) -> all.get(level + "/" + index);
    }

    private AddCheckpointRequest request(long oldSize, SignedNote note) {
        long size = Checkpoint.parse(note.text()).size();
        List<byte[]> proof = oldSize == 0 ? List.of() : MerkleProofs.consistency(oldSize, size, hashes()).path();
        return new AddCheckpointRequest(oldSize, proof, note.format());
    }

    @Test
    void addCheckpointWhenFirstAndThenConsistentThenCosignsBoth() {
        WitnessAnswer first = witness.addCheckpoint(request(0, grow(3)));
        SignedNote second = grow(10);
        WitnessAnswer next = witness.addCheckpoint(request(3, second).format());

        assertThat(first.status()).isEqualTo(200);
        assertThat(next.status()).isEqualTo(200);
        SignedNote cosigned = second.withSignatures(next.cosignatures());
        assertThat(WitnessPolicy.of(List.of(cosigner.key()), 1).require(cosigned, CLOCK.instant()))
                .singleElement().satisfies(c -> assertThat(c.time()).isEqualTo(CLOCK.instant()));
        assertThat(witness.latest(ORIGIN)).hasValueSatisfying(note -> assertThat(note).contains("\n10\n"));
    }

    @Test
    void addCheckpointWhenOldSizeIsNotTheLatestThenConflictWithTheLatestSize() {
        witness.addCheckpoint(request(0, grow(4)));

        WitnessAnswer answer = witness.addCheckpoint(request(2, grow(8)));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).isEqualTo("4\n");
        assertThat(answer.contentType()).isEqualTo("text/x.tlog.size");
    }

    @Test
    void addCheckpointWhenForkedThenUnprocessable() {
        witness.addCheckpoint(request(0, grow(4)));
        SignedNote honest = grow(8);
        AddCheckpointRequest good = request(4, honest);
        SignedNote fork = new Checkpoint(ORIGIN, 8, MerkleHash.leaf("fork".getBytes())).sign(log);

        WitnessAnswer answer = witness.addCheckpoint(new AddCheckpointRequest(4, good.proof(), fork.format()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.reason()).contains("not consistent");
    }

    @Test
    void addCheckpointWhenSameSizeOtherRootThenUnprocessable() {
        witness.addCheckpoint(request(0, grow(4)));
        SignedNote fork = new Checkpoint(ORIGIN, 4, MerkleHash.leaf("fork".getBytes())).sign(log);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(4, List.of(), fork.format())).status()).isEqualTo(422);
    }

    @Test
    void addCheckpointWhenUnknownLogThenNotFound() {
        NoteSigner other = NoteSigner.generate("other.example/log");
        SignedNote note = new Checkpoint("other.example/log", 1, MerkleHash.leaf(new byte[1])).sign(other);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), note.format())).status()).isEqualTo(404);
    }

    @Test
    void addCheckpointWhenNotSignedByTheLogThenForbidden() {
        NoteSigner impostor = NoteSigner.generate(ORIGIN);
        SignedNote note = new Checkpoint(ORIGIN, 1, MerkleHash.leaf(new byte[1])).sign(impostor);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), note.format())).status()).isEqualTo(403);
    }

    @Test
    void addCheckpointWhenOldSizeLargerThanCheckpointThenBadRequest() {
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(9, List.of(), grow(3).format())).status())
                .isEqualTo(400);
    }

    @Test
    void addCheckpointWhenProofFromZeroThenUnprocessable() {
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(new byte[32]), grow(3).format())).status())
                .isEqualTo(422);
    }

    @Test
    void addCheckpointWhenEmptyTreeWithOtherRootThenUnprocessable() {
        SignedNote note = new Checkpoint(ORIGIN, 0, MerkleHash.leaf(new byte[1])).sign(log);

        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), note.format())).status()).isEqualTo(422);
    }

    @Test
    void parseWhenSpecExampleBodyThenRoundTrips() {
        String body = "old 20852014\n"
                + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
                + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
                + "\n"
                + "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

        AddCheckpointRequest request = AddCheckpointRequest.parse(body);

        assertThat(request.oldSize()).isEqualTo(20852014L);
        assertThat(request.proof()).hasSize(2);
        assertThat(request.format()).isEqualTo(body);
    }

    @Test
    void parseWhenLeadingZeroThenBadRequest() {
        assertThat(witness.addCheckpoint("old 07\n\n" + grow(7).format()).status()).isEqualTo(400);
    }
}

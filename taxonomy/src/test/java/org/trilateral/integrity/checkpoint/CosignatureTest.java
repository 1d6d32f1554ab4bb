package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.merkle.MerkleHash;

class CosignatureTest {

    private static final String ORIGIN = "exchange.trilateral.example/log";
    private static final NoteSigner LOG = NoteSigner.generate(ORIGIN);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static SignedNote checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, MerkleHash.leaf(new byte[] {(byte) size})).sign(LOG);
    }

    @Test
    void cosignWhenVerifiedThenTimestampAndLineRoundTrip() {
        Cosigner witness = Cosigner.generate("witness.jp.example/w1");
        SignedNote note = checkpoint(5);

        SignedNote cosigned = SignedNote.parse(note.withSignatures(List.of(witness.cosign(note.text(), 1679315147L))).format());

        Cosignature cosignature = witness.key().cosignatureOf(cosigned).orElseThrow();
        assertThat(cosignature.time()).isEqualTo(Instant.ofEpochSecond(1679315147L));
        assertThat(cosigned.verify(List.of(LOG.verifierKey()))).containsExactly(LOG.verifierKey());
    }

    @Test
    void cosignWhenSignedThenMessageIsCosignatureV1HeaderTimeAndNoteText() {
        Cosigner witness = Cosigner.generate("witness.kr.example/w1");
        SignedNote note = checkpoint(9);

        byte[] line = witness.cosign(note.text(), 42).signature();

        assertThat(ByteBuffer.wrap(line, 0, 8).getLong()).isEqualTo(42);
        byte[] message = ("cosignature/v1\ntime 42\n" + note.text()).getBytes(StandardCharsets.UTF_8);
        assertThat(new Ed25519PublicKeyParameters(witness.key().publicKey())
                .verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, line, 8)).isTrue();
    }

    @Test
    void keyIdWhenComputedThenSha256OfNameNewlineType4AndKey() throws Exception {
        Cosigner witness = Cosigner.generate("witness.us.example/w1");
        byte[] key = witness.key().publicKey();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("witness.us.example/w1\n".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x04);
        sha256.update(key);

        String expectedId = HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(), 4));

        assertThat(witness.key().format()).startsWith("witness.us.example/w1+" + expectedId + "+");
        assertThat(CosignerKey.parse(witness.key().format())).isEqualTo(witness.key());
        assertThat(Cosigner.parse(witness.format()).key()).isEqualTo(witness.key());
    }

    @Test
    void parseWhenNoteKeyTypeThenRefused() {
        String noteKey = NoteSigner.generate("witness.example/w").verifierKey().format();

        assertThatThrownBy(() -> CosignerKey.parse(noteKey))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("type byte 0x04");
    }

    @Test
    void cosignatureOfWhenCheckpointChangedThenRefused() {
        Cosigner witness = Cosigner.generate("witness.jp.example/w1");
        SignedNote note = checkpoint(5);
        SignedNote other = checkpoint(6);
        SignedNote forged = new SignedNote(other.text(), List.of(other.signatures().get(0),
                witness.cosign(note.text(), 100)));

        assertThatThrownBy(() -> witness.key().cosignatureOf(forged))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void cosignatureOfWhenNotCosignedThenEmpty() {
        Cosigner witness = Cosigner.generate("witness.jp.example/w1");

        assertThat(witness.key().cosignatureOf(checkpoint(5))).isEmpty();
    }

    @Test
    void requireWhenQuorumMetThenCosignatures() {
        Cosigner jp = Cosigner.generate("witness.jp.example/w1");
        Cosigner kr = Cosigner.generate("witness.kr.example/w1");
        Cosigner us = Cosigner.generate("witness.us.example/w1");
        SignedNote note = checkpoint(3);
        SignedNote cosigned = note.withSignatures(List.of(jp.cosign(note.text(), 10), us.cosign(note.text(), 11)));

        WitnessPolicy policy = WitnessPolicy.of(List.of(jp.key(), kr.key(), us.key()), 2);

        assertThat(policy.require(cosigned, NOW)).extracting(c -> c.cosigner().name())
                .containsExactly("witness.jp.example/w1", "witness.us.example/w1");
    }

    @Test
    void requireWhenFewerThanQuorumThenRefusedNamingWhoCosigned() {
        Cosigner jp = Cosigner.generate("witness.jp.example/w1");
        Cosigner kr = Cosigner.generate("witness.kr.example/w1");
        SignedNote note = checkpoint(3);
        SignedNote cosigned = note.withSignatures(List.of(jp.cosign(note.text(), 10)));

        WitnessPolicy policy = WitnessPolicy.of(List.of(jp.key(), kr.key()), 2);

        assertThatThrownBy(() -> policy.require(cosigned, NOW))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("1 of the configured witnesses [witness.jp.example/w1]; 2 of");
    }

    @Test
    void requireWhenSameWitnessTwiceThenCountsOnce() {
        Cosigner jp = Cosigner.generate("witness.jp.example/w1");
        Cosigner kr = Cosigner.generate("witness.kr.example/w1");
        SignedNote note = checkpoint(3);
        SignedNote cosigned = note.withSignatures(List.of(jp.cosign(note.text(), 10), jp.cosign(note.text(), 12)));

        assertThatThrownBy(() -> WitnessPolicy.of(List.of(jp.key(), kr.key()), 2).require(cosigned, NOW))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void requireWhenTimestampFarInFutureThenRefused() {
        Cosigner jp = Cosigner.generate("witness.jp.example/w1");
        SignedNote note = checkpoint(3);
        SignedNote cosigned = note.withSignatures(List.of(jp.cosign(note.text(), NOW.plusSeconds(3600).getEpochSecond())));

        assertThatThrownBy(() -> WitnessPolicy.of(List.of(jp.key()), 1).require(cosigned, NOW))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("in the future");
    }

    @Test
    void parseWhenSpecExampleCosignatureLineThenReadAsNoteSignature() {
        // The example line of C2SP tlog-cosignature: a 4-byte key id then a 72-byte timestamped signature.
        NoteSignature line = NoteSignature.parseLine("\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");

        assertThat(line.signature()).hasSize(72);
        assertThat(Cosignature.timestampOf(line.signature())).isEqualTo(1679315147L);
        assertThat(Base64.getEncoder().encodeToString(line.keyHashBytes())).isEqualTo("jWbPPw==");
    }
}

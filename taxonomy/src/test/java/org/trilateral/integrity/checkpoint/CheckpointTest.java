package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.merkle.MerkleHash;

class CheckpointTest {

    private static final String ORIGIN = "exchange.trilateral.example/log";
    private static final byte[] ROOT = MerkleHash.leaf(new byte[0]);

    @Test
    void formatWhenCheckpointThenTlogCheckpointLines() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 42, ROOT, List.of("extension: one"));

        assertThat(checkpoint.format()).isEqualTo(ORIGIN + "\n42\n"
                + "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\nextension: one\n");
    }

    @Test
    void parseWhenFormattedThenEqual() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 0, MerkleHash.emptyRoot(), List.of("a", "b c"));

        assertThat(Checkpoint.parse(checkpoint.format())).isEqualTo(checkpoint);
    }

    @Test
    void openSignedWhenSignedByLogThenCheckpoint() {
        NoteSigner log = NoteSigner.generate(ORIGIN);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 7, ROOT);

        String signed = checkpoint.sign(log).format();

        assertThat(Checkpoint.openSigned(signed, ORIGIN, List.of(log.verifierKey()))).isEqualTo(checkpoint);
    }

    @Test
    void openSignedWhenSizeTamperedThenRefused() {
        NoteSigner log = NoteSigner.generate(ORIGIN);
        String signed = new Checkpoint(ORIGIN, 7, ROOT).sign(log).format().replace("\n7\n", "\n8\n");

        assertThatThrownBy(() -> Checkpoint.openSigned(signed, ORIGIN, List.of(log.verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void openSignedWhenOtherOriginThenRefused() {
        NoteSigner log = NoteSigner.generate("other.example/log");
        String signed = new Checkpoint("other.example/log", 7, ROOT).sign(log).format();

        assertThatThrownBy(() -> Checkpoint.openSigned(signed, ORIGIN, List.of(log.verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("not \"" + ORIGIN + "\"");
    }

    @Test
    void parseWhenSizeHasLeadingZeroThenRefused() {
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n07\n" + base64(ROOT) + "\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("\"07\"");
    }

    @Test
    void parseWhenRootHashWrongLengthThenRefused() {
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n7\n" + base64(new byte[31]) + "\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void parseWhenFewerThanThreeLinesThenRefused() {
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n7\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("at least three lines");
    }

    @Test
    void parseWhenEmptyExtensionLineThenRefused() {
        assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n7\n" + base64(ROOT) + "\n\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("extension line must not be empty");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteSignerTest {

    @Test
    void formatWhenParsedBackThenSameKeyAndSignatures() {
        NoteSigner signer = NoteSigner.generate("log.example/trilateral");

        NoteSigner parsed = NoteSigner.parse(signer.format());

        assertThat(parsed.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(parsed.sign("x\n")).isEqualTo(signer.sign("x\n"));
    }

    @Test
    void signWhenSignedThenVerifierKeyAccepts() {
        NoteSigner signer = NoteSigner.generate("log.example");

        SignedNote note = new SignedNote("x\n", List.of(signer.sign("x\n")));

        assertThat(note.verify(List.of(signer.verifierKey()))).containsExactly(signer.verifierKey());
    }

    @Test
    void parseWhenHashWrongThenRefused() {
        String skey = SignedNoteTest.PETER_NEUMANN_SKEY.replace("c74f20a3", "00000000");

        assertThatThrownBy(() -> NoteSigner.parse(skey))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("has hash 00000000");
    }

    @Test
    void toStringWhenPrintedThenOnlyThePublicKey() {
        NoteSigner signer = NoteSigner.parse(SignedNoteTest.PETER_NEUMANN_SKEY);

        assertThat(signer.toString()).contains(SignedNoteTest.PETER_NEUMANN_VKEY).doesNotContain("AYEKFALV");
    }
}

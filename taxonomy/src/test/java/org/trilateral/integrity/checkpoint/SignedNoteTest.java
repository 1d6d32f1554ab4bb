package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    /** The example of C2SP signed-note and golang.org/x/mod/sumdb/note. */
    static final String PETER_NEUMANN_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_NEUMANN_SKEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_NEUMANN_NOTE = """
            If you think cryptography is the answer to your problem,
            then you don't know what your problem is.

            \u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=
            """;

    @Test
    void verifyWhenPublishedExampleThenVerifiedByItsKey() {
        NoteVerifierKey key = NoteVerifierKey.parse(PETER_NEUMANN_VKEY);

        SignedNote note = SignedNote.parse(PETER_NEUMANN_NOTE);

        assertThat(note.verify(List.of(key))).containsExactly(key);
        assertThat(note.text()).isEqualTo("If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n");
        assertThat(note.format()).isEqualTo(PETER_NEUMANN_NOTE);
    }

    @Test
    void signWhenPublishedExampleKeyThenPublishedSignature() {
        NoteSigner signer = NoteSigner.parse(PETER_NEUMANN_SKEY);

        SignedNote note = SignedNote.sign(SignedNote.parse(PETER_NEUMANN_NOTE).text(), signer);

        assertThat(note.format()).isEqualTo(PETER_NEUMANN_NOTE);
        assertThat(signer.verifierKey().format()).isEqualTo(PETER_NEUMANN_VKEY);
    }

    @Test
    void verifyWhenTextTamperedThenRefused() {
        String tampered = PETER_NEUMANN_NOTE.replace("cryptography", "cryptographY");

        assertThatThrownBy(() -> SignedNote.parse(tampered).verify(List.of(NoteVerifierKey.parse(PETER_NEUMANN_VKEY))))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("PeterNeumann+c74f20a3 does not verify");
    }

    @Test
    void verifyWhenSeveralSignaturesThenUnknownKeysIgnoredAndKnownOnesReported() {
        NoteSigner log = NoteSigner.generate("log.example/trilateral");
        NoteSigner witness = NoteSigner.generate("witness.example");
        NoteSigner stranger = NoteSigner.generate("stranger.example");
        SignedNote note = SignedNote.sign("hello\n", stranger, log).cosign(witness);

        SignedNote parsed = SignedNote.parse(note.format());

        assertThat(parsed).isEqualTo(note);
        assertThat(parsed.verify(List.of(log.verifierKey(), witness.verifierKey())))
                .containsExactly(log.verifierKey(), witness.verifierKey());
    }

    @Test
    void verifyWhenNoKnownKeySignedThenRefused() {
        SignedNote note = SignedNote.sign("hello\n", NoteSigner.generate("a.example"));

        assertThatThrownBy(() -> note.verify(List.of(NoteSigner.generate("b.example").verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("none of the note's signatures is by a known key");
    }

    @Test
    void verifyWhenSameNameButOtherKeyThenIgnoredAsUnknown() {
        SignedNote note = SignedNote.sign("hello\n", NoteSigner.generate("log.example"));

        assertThatThrownBy(() -> note.verify(List.of(NoteSigner.generate("log.example").verifierKey())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("none");
    }

    @Test
    void parseWhenNoBlankLineThenRefused() {
        assertThatThrownBy(() -> SignedNote.parse("hello\n\u2014 a AAAAAAA=\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("blank line");
    }

    @Test
    void parseWhenSignatureLineWithoutEmDashThenRefused() {
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n- a AAAAAAAA\n"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("does not start with");
    }

    @Test
    void parseWhenLastSignatureLineUnterminatedThenRefused() {
        String note = SignedNote.sign("hello\n", NoteSigner.generate("a.example")).format();

        assertThatThrownBy(() -> SignedNote.parse(note.substring(0, note.length() - 1)))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("ending with a newline");
    }

    @Test
    void signWhenTextHasControlCharacterThenRefused() {
        assertThatThrownBy(() -> SignedNote.sign("bell\u0007\n", NoteSigner.generate("a.example")))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("U+0007");
    }

    @Test
    void signWhenTextWithoutFinalNewlineThenRefused() {
        assertThatThrownBy(() -> SignedNote.sign("hello", NoteSigner.generate("a.example")))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage("a note text must end with a newline");
    }
}

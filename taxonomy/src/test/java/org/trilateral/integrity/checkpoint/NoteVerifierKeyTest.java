package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteVerifierKeyTest {

    @Test
    void parseWhenPublishedExampleThenFormatsBackIdentically() {
        NoteVerifierKey key = NoteVerifierKey.parse(SignedNoteTest.PETER_NEUMANN_VKEY);

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyHash()).containsExactly(0xc7, 0x4f, 0x20, 0xa3);
        assertThat(key.format()).isEqualTo(SignedNoteTest.PETER_NEUMANN_VKEY);
    }

    @Test
    void parseWhenKeyHashDoesNotMatchThenRefused() {
        assertThatThrownBy(() -> NoteVerifierKey.parse(
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("has hash c74f20a4 but its name and key hash to c74f20a3");
    }

    @Test
    void parseWhenNameChangedThenHashNoLongerMatches() {
        assertThatThrownBy(() -> NoteVerifierKey.parse(
                "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("PeterNeuman");
    }

    @Test
    void parseWhenNotEd25519TypeThenRefused() {
        assertThatThrownBy(() -> NoteVerifierKey.parse(
                "PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("type byte 0x01");
    }

    @Test
    void parseWhenMissingPartThenRefused() {
        assertThatThrownBy(() -> NoteVerifierKey.parse("PeterNeumann+c74f20a3"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("<name>+<hash>+<key>");
    }

    @Test
    void constructWhenNameHasSpaceThenRefused() {
        assertThatThrownBy(() -> new NoteVerifierKey("log example", new byte[32]))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("\"log example\"");
    }
}

package org.trilateral.integrity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteSignatureTest {

    @Test
    void parseLineWhenPublishedExampleThenNameHashAndSignature() {
        NoteSignature signature = NoteSignature.parseLine("\u2014 PeterNeumann "
                + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");

        assertThat(signature.keyName()).isEqualTo("PeterNeumann");
        assertThat(signature.keyHash()).isEqualTo(0xc74f20a3L);
        assertThat(signature.signature()).hasSize(64);
    }

    @Test
    void formatLineWhenParsedBackThenEqual() {
        NoteSignature signature = new NoteSignature("log.example", 0xfffffffeL, new byte[64]);

        assertThat(signature.formatLine()).startsWith("\u2014 log.example /////").endsWith("\n");
        assertThat(NoteSignature.parseLine(signature.formatLine().stripTrailing())).isEqualTo(signature);
    }

    @Test
    void parseLineWhenOnlyKeyHashThenRefused() {
        assertThatThrownBy(() -> NoteSignature.parseLine("\u2014 a AAAAAA=="))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void parseLineWhenExtraFieldThenRefused() {
        assertThatThrownBy(() -> NoteSignature.parseLine("\u2014 a AAAAAAAA extra"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("is not");
    }

    @Test
    void parseLineWhenNotBase64ThenRefusedNamingTheKey() {
        assertThatThrownBy(() -> NoteSignature.parseLine("\u2014 witness.example ***"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage("the signature by \"witness.example\" is not valid base64");
    }
}

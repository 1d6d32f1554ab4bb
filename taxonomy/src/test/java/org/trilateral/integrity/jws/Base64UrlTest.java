package org.trilateral.integrity.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void encodeWhenBytesThenUnpaddedUrlAlphabet() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
    }

    @Test
    void decodeWhenPaddedThenRefusedNamingWhat() {
        assertThatThrownBy(() -> Base64Url.decode("-_8=", "the header"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the header is not unpadded base64url: character '='");
    }

    @Test
    void decodeWhenStandardAlphabetThenRefused() {
        assertThatThrownBy(() -> Base64Url.decode("+/8", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character '+'");
    }

    @Test
    void decodeWhenImpossibleLengthThenRefused() {
        assertThatThrownBy(() -> Base64Url.decode("A", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x is not valid base64url");
    }
}

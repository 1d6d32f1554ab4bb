package org.trilateral.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Paging cursors are opaque and integrity-protected: nothing about the position can be read, changed or forged. */
class PageCursorTest {

    @Test
    void encodeWhenDecodedThenSamePositionAndOnePositionAlwaysTheSameToken() {
        PageCursor cursor = new PageCursor(123_456);

        String first = cursor.encode();

        assertThat(PageCursor.decode(first)).isEqualTo(cursor);
        assertThat(cursor.encode()).isEqualTo(first);
        assertThat(new PageCursor(123_457).encode()).isNotEqualTo(first);
        assertThat(first).doesNotContain("123456");
    }

    @Test
    void decodeWhenABitIsFlippedThenRefused() {
        String token = new PageCursor(42).encode();
        byte[] bytes = Base64.getUrlDecoder().decode(token.substring(2));
        bytes[bytes.length - 1] ^= 1;
        String altered = "c1" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> PageCursor.decode(altered)).isInstanceOf(TaxiiException.class)
                .hasMessageContaining("not a paging cursor issued by this exchange");
    }

    @Test
    void decodeWhenTheOldPlainFormThenRefused() {
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString("s1.42".getBytes());

        assertThatThrownBy(() -> PageCursor.decode(plain)).isInstanceOf(TaxiiException.class);
    }
}

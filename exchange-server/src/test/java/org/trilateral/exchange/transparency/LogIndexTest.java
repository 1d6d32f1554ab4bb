package org.trilateral.exchange.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trilateral.exchange.error.Refusal;

class LogIndexTest {

    @Test
    void parseWhenDecimalThenValue() {
        assertThat(LogIndex.parse("index", "42").value()).isEqualTo(42);
    }

    @Test
    void parseWhenLeadingZeroOrSignThenBadRequest() {
        assertThatThrownBy(() -> LogIndex.parse("tree_size", "-1"))
                .isInstanceOf(Refusal.class)
                .hasMessage("the parameter tree_size must be a non-negative decimal number, not \"-1\"");
        assertThatThrownBy(() -> LogIndex.parse("index", "01")).isInstanceOf(Refusal.class);
    }

    @Test
    void parseWhenMissingThenBadRequestNamingTheParameter() {
        assertThatThrownBy(() -> LogIndex.parse("from", null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("the parameter from");
    }

    @Test
    void parseWhenBeyondLongThenBadRequest() {
        assertThatThrownBy(() -> LogIndex.parse("index", "9999999999999999999"))
                .isInstanceOf(Refusal.class)
                .hasMessage("the parameter index (9999999999999999999) is too large");
    }
}

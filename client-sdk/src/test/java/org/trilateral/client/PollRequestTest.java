package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PollRequestTest {

    @Test
    void withTypesWhenVariedThenOriginalUnchanged() {
        PollRequest base = PollRequest.of("indicators");

        PollRequest varied = base.withTypes("indicator").withPageSize(50).withCursor("job");

        assertThat(base.types()).isEmpty();
        assertThat(base.cursorName()).isNull();
        assertThat(varied.types()).containsExactly("indicator");
        assertThat(varied.pageSize()).isEqualTo(50);
    }

    @Test
    void withCursorWhenNameHasPathSeparatorThenRefused() {
        assertThatThrownBy(() -> PollRequest.of("indicators").withCursor("../etc"))
                .hasMessageContaining("cursor name '../etc'");
    }

    @Test
    void ofWhenCollectionBlankThenRefused() {
        assertThatThrownBy(() -> PollRequest.of(" ")).hasMessageContaining("collection must not be empty");
    }
}

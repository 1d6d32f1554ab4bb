package org.trilateral.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

class PollPositionTest {

    private static JsonNode object(String id, String modified) {
        return StixJson.mapper().createObjectNode().put("id", id).put("modified", modified);
    }

    private static final List<JsonNode> PAGE = List.of(object("a", "1"), object("b", "1"), object("c", "1"));

    @Test
    void parseWhenFormattedThenSamePosition() {
        PollPosition position = new PollPosition("czE", "b", "1", 2);
        assertThat(PollPosition.parse(position.format())).isEqualTo(position);
        assertThat(PollPosition.parse(new PollPosition(null, null, null, 0).format()))
                .isEqualTo(new PollPosition(null, null, null, 0));
    }

    @Test
    void parseWhenPlainNextOfEarlierVersionsThenStartOfThatPageWithNothingDone() {
        assertThat(PollPosition.parse("czEuNDI")).isEqualTo(new PollPosition("czEuNDI", null, null, 0));
    }

    @Test
    void skipInWhenLastObjectDoneIsInThePageThenContinuesAfterIt() {
        assertThat(new PollPosition(null, "b", "1", 2).skipIn(PAGE)).isEqualTo(2);
        assertThat(new PollPosition(null, "c", "1", 3).skipIn(PAGE)).isEqualTo(3);
    }

    @Test
    void skipInWhenLastObjectDoneWasDeletedThenSkipsAsManyAsWereDone() {
        assertThat(new PollPosition(null, "gone", "1", 1).skipIn(PAGE)).isEqualTo(1);
        assertThat(new PollPosition(null, "gone", "1", 9).skipIn(PAGE)).isEqualTo(3);
    }
}

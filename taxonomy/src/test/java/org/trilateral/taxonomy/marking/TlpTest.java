package org.trilateral.taxonomy.marking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.testing.OasisSchemas;

class TlpTest {

    @Test
    void markingDefinitionWhenEveryLevelThenValidAgainstOasisSchema() {
        OasisSchemas schemas = OasisSchemas.load();
        for (Tlp tlp : Tlp.values()) {
            assertThat(schemas.errors("common/marking-definition.json", tlp.markingDefinition())).as(tlp.label()).isEmpty();
        }
    }

    @Test
    void markingDefinitionWhenAmberStrictThenOfficialIdAndExtension() {
        var marking = Tlp.AMBER_STRICT.markingDefinition();
        assertThat(marking.get("id").stringValue()).isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        assertThat(marking.get("name").stringValue()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(marking.at("/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0").stringValue())
                .isEqualTo("amber+strict");
        assertThat(marking.get("created").stringValue()).isEqualTo("2022-10-01T00:00:00.000Z");
    }

    @Test
    void fromIdWhenOfficialIdThenLevelElseEmpty() {
        assertThat(Tlp.fromId("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487")).contains(Tlp.CLEAR);
        // The TLP 1.0 WHITE id is not a TLP 2.0 marking.
        assertThat(Tlp.fromId("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).isEmpty();
    }
}

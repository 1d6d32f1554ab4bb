package org.trilateral.exchange.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

class AudiencePolicyTest {

    private final AudiencePolicy policy = new AudiencePolicy(Tlp.AMBER);

    private static ObjectNode marked(String... refs) {
        ObjectNode object = TestStix.indicator();
        for (String ref : refs) {
            ((tools.jackson.databind.node.ArrayNode) object.withArray("object_marking_refs")).add(ref);
        }
        return object;
    }

    @Test
    void audienceWhenUnmarkedThenConfiguredDefault() {
        assertThat(policy.audienceOf(TestStix.indicator())).isEqualTo(new Audience(Tlp.AMBER, null, Set.of()));
        assertThat(new AudiencePolicy(Tlp.RED).audienceOf(TestStix.indicator())).isEqualTo(new Audience(Tlp.RED, List.of(), Set.of()));
    }

    @Test
    void audienceWhenSeveralTlpMarkingsThenMostRestrictive() {
        assertThat(policy.audienceOf(marked(Tlp.CLEAR.id(), Tlp.AMBER_STRICT.id(), Tlp.GREEN.id())).tlp()).isEqualTo(Tlp.AMBER_STRICT);
    }

    @Test
    void audienceWhenGroupMarkingsThenAllGroupsKept() {
        Audience audience = policy.audienceOf(marked(SharingGroup.TRILATERAL_GOVERNMENT.id(), SharingGroup.SECTOR_AI_COMPANY.id()));
        assertThat(audience.groups()).containsExactlyInAnyOrder("trilateral-government", "sector-ai-company");
        assertThat(audience.tlp()).isEqualTo(Tlp.AMBER);
    }

    @Test
    void audienceWhenGranularMarkingThenNarrowsTheWholeObject() {
        ObjectNode object = TestStix.indicator();
        object.putArray("granular_markings").addObject().put("marking_ref", Tlp.RED.id()).putArray("selectors").add("name");
        assertThat(policy.audienceOf(object).tlp()).isEqualTo(Tlp.RED);
    }

    @Test
    void audienceWhenRedWithRecipientsThenRecipientsKept() {
        ObjectNode object = marked(Tlp.RED.id());
        ObjectNode extension = object.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("recipients").add("identity--0b8a4a2e-8f11-4b0c-9a53-51a2f05bd6e1");
        assertThat(policy.audienceOf(object).recipients()).containsExactly("identity--0b8a4a2e-8f11-4b0c-9a53-51a2f05bd6e1");
    }

    @Test
    void audienceWhenRecipientIsNotAnIdentityThenRefusedNamingIt() {
        ObjectNode object = marked(Tlp.RED.id());
        ObjectNode extension = object.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("recipients").add("organization--x");
        assertThatThrownBy(() -> policy.audienceOf(object)).hasMessageContaining("organization--x").hasMessageContaining("recipients");
    }

    @Test
    void audienceWhenMarkingUnknownThenRefusedNamingIt() {
        assertThatThrownBy(() -> policy.audienceOf(marked("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da")))
                .hasMessageContaining("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
    }
}

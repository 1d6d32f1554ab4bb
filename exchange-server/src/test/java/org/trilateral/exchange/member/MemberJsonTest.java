package org.trilateral.exchange.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.taxonomy.stix.StixJson;

class MemberJsonTest {

    private static Member created(String json) {
        return MemberJson.create(StixJson.mapper().readTree(json));
    }

    @Test
    void createWhenNoIdentityIdThenOneIsGeneratedAndStatusActive() {
        Member member = created("{\"id\":\"us-x\",\"name\":\"X\",\"nation\":\"us\",\"sector\":\"payment-provider\","
                + "\"roles\":[\"consumer\"],\"subjects\":[{\"issuer\":\"us\",\"subject\":\"abc\"}]}");
        assertThat(member.identityId()).startsWith("identity--");
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.nation()).isEqualTo(Nation.US);
    }

    @Test
    void createWhenUnknownFieldThenRefusedNamingIt() {
        assertThatThrownBy(() -> created("{\"id\":\"us-x\",\"name\":\"X\",\"nation\":\"US\",\"sector\":\"other\","
                + "\"roles\":[],\"subjects\":[],\"clearance\":\"top\"}"))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).field()).isEqualTo("clearance");
    }

    @Test
    void changeWhenIdDiffersThenRefused() {
        Member member = created("{\"id\":\"us-x\",\"name\":\"X\",\"nation\":\"US\",\"sector\":\"other\",\"roles\":[],\"subjects\":[]}");
        assertThatThrownBy(() -> MemberJson.change(member, StixJson.mapper().readTree("{\"id\":\"us-y\"}")))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).field()).isEqualTo("id");
    }

    @Test
    void changeWhenSubjectHasBlankIssuerThenRefusedNamingSubjects() {
        Member member = created("{\"id\":\"us-x\",\"name\":\"X\",\"nation\":\"US\",\"sector\":\"other\",\"roles\":[],\"subjects\":[]}");
        assertThatThrownBy(() -> MemberJson.change(member, StixJson.mapper().readTree("{\"subjects\":[{\"subject\":\"a\"}]}")))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).field()).isEqualTo("subjects");
    }
}

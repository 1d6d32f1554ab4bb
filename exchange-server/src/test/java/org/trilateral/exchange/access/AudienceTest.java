package org.trilateral.exchange.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.marking.Tlp;

class AudienceTest {

    private final Reader jpGov = new Reader(new MemberId("jp-gov"), "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960",
            Set.of("trilateral-government", "sector-government"));

    @Test
    void readableByWhenPublisherThenAlways() {
        assertThat(new Audience(Tlp.RED, List.of(), Set.of("sector-ai-company")).readableBy(jpGov, new MemberId("jp-gov"))).isTrue();
    }

    @Test
    void readableByWhenRedAndNamedThenYesElseNo() {
        assertThat(new Audience(Tlp.RED, List.of(jpGov.identityId()), Set.of()).readableBy(jpGov, new MemberId("us-gov"))).isTrue();
        assertThat(new Audience(Tlp.RED, List.of(), Set.of()).readableBy(jpGov, new MemberId("us-gov"))).isFalse();
    }

    @Test
    void readableByWhenGroupsThenReaderMustBelongToEvery() {
        assertThat(new Audience(Tlp.AMBER, null, Set.of("trilateral-government", "sector-government")).readableBy(jpGov, new MemberId("us-gov"))).isTrue();
        assertThat(new Audience(Tlp.AMBER, null, Set.of("trilateral-government", "sector-ai-company")).readableBy(jpGov, new MemberId("us-gov"))).isFalse();
    }

    @Test
    void constructWhenRecipientsWithoutRedThenRefused() {
        assertThatThrownBy(() -> new Audience(Tlp.AMBER, List.of(), Set.of())).hasMessageContaining("RED");
    }
}

package org.trilateral.exchange.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;
import org.trilateral.taxonomy.stix.StixObjectValidator;

class SharingGroupTest {

    private static Member member(Nation nation, Sector sector) {
        return new Member(new MemberId("m-1"), "m", nation, sector, "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960",
                EnumSet.of(Role.CONSUMER), MemberStatus.ACTIVE, List.of(), null, null);
    }

    @Test
    void groupsOfWhenGovernmentOfFoundingNationThenTrilateralAndSector() {
        assertThat(SharingGroup.groupsOf(member(Nation.KR, Sector.GOVERNMENT)))
                .containsExactlyInAnyOrder("trilateral-government", "sector-government", "nation-kr");
    }

    @Test
    void groupsOfWhenGovernmentOfOtherPartnerThenSectorOnly() {
        assertThat(SharingGroup.groupsOf(member(Nation.OTHER, Sector.GOVERNMENT))).containsExactly("sector-government");
    }

    @Test
    void groupsOfWhenCompanyThenItsSectorOnly() {
        assertThat(SharingGroup.groupsOf(member(Nation.JP, Sector.CRYPTOCURRENCY_BUSINESS)))
                .containsExactlyInAnyOrder("sector-cryptocurrency-business", "nation-jp");
        assertThat(SharingGroup.groupsOf(member(Nation.US, Sector.DEFENCE)))
                .containsExactlyInAnyOrder("sector-defence", "nation-us");
        assertThat(SharingGroup.groupsOf(member(Nation.OTHER, Sector.SOFTWARE))).containsExactly("sector-software");
    }

    @Test
    void markingDefinitionWhenBuiltThenValidStixWithFixedId() {
        for (SharingGroup group : SharingGroup.values()) {
            assertThat(new StixObjectValidator().validate(group.markingDefinition())).as(group.groupName()).isEmpty();
            assertThat(SharingGroup.fromId(group.id())).contains(group);
        }
    }
}

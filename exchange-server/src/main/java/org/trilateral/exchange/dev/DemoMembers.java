package org.trilateral.exchange.dev;

import java.util.EnumSet;
import java.util.List;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStatus;
import org.trilateral.exchange.member.MemberSubject;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * The six demo members of the development identity provider, with fixed identity ids so that examples can name them.
 * Each is identified at the {@code dev} issuer by its own id.
 */
final class DemoMembers {

    /** The development issuer's name in the registry. */
    public static final String ISSUER_NAME = "dev";

    private static final EnumSet<Role> AGENCY = EnumSet.of(Role.CONSUMER, Role.PUBLISHER, Role.ADVISORY_ISSUER);
    private static final EnumSet<Role> COMPANY = EnumSet.of(Role.CONSUMER, Role.PUBLISHER);

    /**
     * The demo members; {@code us-agency} and {@code kr-agency} are also admins, of two nations, so that four-eyes
     * changes (one asks, an admin of another nation approves) can be tried.
     */
    public static final List<Member> ALL = List.of(
            member("us-agency", "US federal agency (demo)", Nation.US, Sector.GOVERNMENT,
                    "identity--ddd4187e-df13-4d7a-b3e3-82485e32818a", with(AGENCY, Role.ADMIN)),
            member("jp-agency", "Japanese national agency (demo)", Nation.JP, Sector.GOVERNMENT,
                    "identity--3bf78504-2b5b-4638-99fe-c8b63f51d960", AGENCY),
            member("kr-agency", "Korean national agency (demo)", Nation.KR, Sector.GOVERNMENT,
                    "identity--27b23625-643f-4f73-bfb8-271c7353fbee", with(AGENCY, Role.ADMIN)),
            member("jp-crypto-exchange", "Japanese cryptocurrency exchange (demo)", Nation.JP, Sector.CRYPTOCURRENCY_BUSINESS,
                    "identity--5c5e3769-d014-4275-813c-b517bb381ec6", COMPANY),
            member("us-freelance-platform", "US freelance platform (demo)", Nation.US, Sector.FREELANCE_PLATFORM,
                    "identity--f5e6d7c4-0f2b-44c8-b31d-167cb460793d", COMPANY),
            member("kr-payment-provider", "Korean payment provider (demo)", Nation.KR, Sector.PAYMENT_PROVIDER,
                    "identity--d8f4da2b-d8ad-419c-a4e0-03d302c50778", COMPANY));

    private DemoMembers() {
    }

    private static Member member(String id, String name, Nation nation, Sector sector, String identity, EnumSet<Role> roles) {
        return new Member(new MemberId(id), name, nation, sector, identity, roles, MemberStatus.ACTIVE,
                List.of(new MemberSubject(ISSUER_NAME, id)), null, null);
    }

    private static EnumSet<Role> with(EnumSet<Role> roles, Role extra) {
        EnumSet<Role> copy = EnumSet.copyOf(roles);
        copy.add(extra);
        return copy;
    }
}

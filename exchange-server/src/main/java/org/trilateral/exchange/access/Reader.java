package org.trilateral.exchange.access;

import java.util.Objects;
import java.util.Set;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberId;

/**
 * The member reading, as the read paths need it.
 *
 * @param groups names of the sharing groups it belongs to now
 */
public record Reader(MemberId memberId, String identityId, Set<String> groups) {

    public Reader {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(identityId, "identityId");
        groups = Set.copyOf(groups);
    }

    public static Reader of(Member member) {
        return new Reader(member.id(), member.identityId(), SharingGroup.groupsOf(member));
    }
}

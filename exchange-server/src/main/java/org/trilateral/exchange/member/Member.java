package org.trilateral.exchange.member;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * A member organisation of the exchange.
 *
 * @param identityId the id of the member's own STIX {@code identity} object: the {@code created_by_ref} of
 *                   everything it publishes
 */
public record Member(MemberId id, String name, Nation nation, Sector sector, String identityId, Set<Role> roles,
                     MemberStatus status, List<MemberSubject> subjects, Instant created, Instant updated) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nation, "nation");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(status, "status");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (identityId == null || !StixId.isValid(identityId) || !identityId.startsWith("identity--")) {
            throw new IllegalArgumentException("identity_id '" + identityId + "' is not a STIX identity id (identity--UUID)");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        subjects = List.copyOf(subjects);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    /** The same member with only the roles also in {@code allowed} (a token's roles claim narrows, never widens). */
    public Member narrowedTo(Set<Role> allowed) {
        Set<Role> kept = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        kept.retainAll(allowed);
        return new Member(id, name, nation, sector, identityId, kept, status, subjects, created, updated);
    }
}

package org.trilateral.exchange.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * Members declared in configuration ({@code exchange.members.bootstrap[]}): inserted at start when no member
 * with their id exists, so a new exchange has its first admin. Never updated from configuration afterwards: the
 * registry (admin API) is authoritative once a member exists.
 */
@Validated
@ConfigurationProperties("exchange.members")
public record MemberProperties(@DefaultValue List<@Valid Bootstrap> bootstrap) {

    public MemberProperties {
        bootstrap = bootstrap == null ? List.of() : List.copyOf(bootstrap);
    }

    /**
     * @param identityId the member's STIX identity id ({@code identity--UUID})
     * @param subjects   the (issuer name, subject) pairs that identify it
     * @param keys       public signing keys of the member, each a public JWK as JSON text; registered at start when
     *                   their kid is not registered yet (docs/integrity.md §7)
     */
    public record Bootstrap(@NotBlank String id, @NotBlank String name, @NotNull Nation nation, @NotNull Sector sector,
                            @NotBlank String identityId, @NotNull Set<Role> roles,
                            @DefaultValue List<@Valid Subject> subjects, @DefaultValue List<@NotBlank String> keys) {

        public Bootstrap {
            subjects = List.copyOf(subjects);
            keys = List.copyOf(keys);
        }

        /** The member this entry declares. */
        public Member member() {
            return new Member(new MemberId(id), name, nation, sector, identityId, roles, MemberStatus.ACTIVE,
                    subjects.stream().map(s -> new MemberSubject(s.issuer(), s.subject())).toList(), null, null);
        }
    }

    /** One (issuer name, subject) pair. */
    public record Subject(@NotBlank String issuer, @NotBlank String subject) {
    }
}

package org.trilateral.exchange.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.marking.Tlp;

/**
 * Who may read one object version, as stored with it.
 *
 * @param tlp        the effective TLP 2.0 level (the most restrictive of its TLP markings, else the default)
 * @param recipients for RED: the identity ids of the members the publisher named (possibly none); null otherwise
 * @param groups     names of the sharing groups it is narrowed to; a reader must belong to every one
 */
public record Audience(Tlp tlp, List<String> recipients, Set<String> groups) {

    public Audience {
        Objects.requireNonNull(tlp, "tlp");
        if ((tlp == Tlp.RED) != (recipients != null)) {
            throw new IllegalArgumentException("recipients are given exactly when the level is RED");
        }
        recipients = recipients == null ? null : List.copyOf(recipients);
        groups = Set.copyOf(groups);
    }

    /**
     * The rule of docs/access-rules.md, the same as {@link AudienceCondition}'s SQL: the publisher always reads; others
     * read when (not RED, or named as recipient) and they belong to every sharing group of the object.
     */
    public boolean readableBy(Reader reader, MemberId publisherId) {
        if (reader.memberId().equals(publisherId)) {
            return true;
        }
        boolean recipient = recipients == null || recipients.contains(reader.identityId());
        return recipient && reader.groups().containsAll(groups);
    }
}

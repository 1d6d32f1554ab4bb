package org.trilateral.exchange.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trilateral.integrity.log.Audience;

/**
 * Who may read the object a sealed leaf is about, in the form the object store keeps it (docs/access-rules.md), so
 * the log's read paths apply the same read rule, from the same SQL, as the TAXII read paths.
 *
 * @param publisherId         the publishing member's id
 * @param tlp                 the effective TLP 2.0 level: {@code clear}, {@code green}, {@code amber},
 *                            {@code amber+strict} or {@code red}
 * @param recipientIdentities for {@code red}, the identity ids of the recipients (possibly none); null otherwise
 * @param groups              the sharing groups a reader must all belong to
 */
public record LeafAudience(String publisherId, String tlp, List<String> recipientIdentities, Set<String> groups) {

    public LeafAudience {
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(tlp, "tlp");
        if (tlp.equals("red") != (recipientIdentities != null)) {
            throw new IllegalArgumentException("recipients are given exactly when the level is red");
        }
        recipientIdentities = recipientIdentities == null ? null : List.copyOf(recipientIdentities);
        groups = Set.copyOf(groups);
    }

    /** The audience as the entry records it: recipients by member id. */
    Audience toEntry(Map<String, String> membersByIdentity) {
        Optional<List<String>> recipients = Optional.ofNullable(recipientIdentities)
                .map(list -> list.stream().map(identity -> membersByIdentity.getOrDefault(identity, identity)).toList());
        return new Audience(tlp, recipients, List.copyOf(groups));
    }
}

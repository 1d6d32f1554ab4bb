package org.trilateral.integrity.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may read an object version, as its sealed entry records it (docs/access-rules.md): the TLP 2.0 level,
 * for TLP:RED the members named as recipients (by member id), and the sharing groups it is narrowed to. The
 * publisher always reads its own. Committed in the entry, so a reader checks that what it was told matches what
 * the log holds.
 *
 * @param tlp the effective level: {@code clear}, {@code green}, {@code amber}, {@code amber+strict} or {@code red}
 * @param recipients for {@code red}: the member ids of its recipients (possibly none); empty otherwise
 * @param groups the sharing groups a reader must all belong to, sorted
 */
public record Audience(String tlp, Optional<List<String>> recipients, List<String> groups) {

    public Audience {
        Objects.requireNonNull(tlp, "tlp");
        if (!List.of("clear", "green", "amber", "amber+strict", "red").contains(tlp)) {
            throw new LeafFormatException("the audience's tlp \"" + tlp + "\" is not a TLP 2.0 level");
        }
        Objects.requireNonNull(recipients, "recipients");
        if (tlp.equals("red") != recipients.isPresent()) {
            throw new LeafFormatException("an audience has recipients exactly when its tlp is red");
        }
        recipients = recipients.map(list -> List.copyOf(new TreeSet<>(list)));
        groups = List.copyOf(new TreeSet<>(groups));
    }

    /** True when {@code memberId}, belonging to {@code memberGroups}, may read an object of this audience published by {@code publisher}. */
    public boolean readableBy(String memberId, java.util.Set<String> memberGroups, String publisher) {
        if (memberId.equals(publisher)) {
            return true;
        }
        return recipients.map(list -> list.contains(memberId)).orElse(true) && memberGroups.containsAll(groups);
    }

    ObjectNode toJson() {
        ObjectNode audience = StrictJson.mapper().createObjectNode();
        audience.put("tlp", tlp);
        recipients.ifPresent(list -> {
            ArrayNode array = audience.putArray("recipients");
            list.forEach(array::add);
        });
        ArrayNode array = audience.putArray("groups");
        groups.forEach(array::add);
        return audience;
    }

    static Audience parse(JsonNode audience) {
        Optional<List<String>> recipients = audience.has("recipients")
                ? Optional.of(Json.texts(audience, "recipients")) : Optional.empty();
        return new Audience(Json.text(audience, "tlp"), recipients, new ArrayList<>(Json.texts(audience, "groups")));
    }
}

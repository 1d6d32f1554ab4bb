package org.trilateral.exchange.ledger;

import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.log.AdminEventLeaf;
import org.trilateral.integrity.log.LogLeaf;
import tools.jackson.databind.node.ObjectNode;

/**
 * An administrative action, public in the log as an {@link AdminEventLeaf}: member created, changed, suspended or
 * reinstated, objects deleted.
 */
public record AdminEventEntry(String action, String actor, Optional<String> approvedBy, Optional<String> member,
                              ObjectNode change) implements PublicLogEntry {

    public AdminEventEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(member, "member");
        change = change.deepCopy();
    }

    @Override
    public ObjectNode change() {
        return change.deepCopy();
    }

    @Override
    public String kind() {
        return AdminEventLeaf.KIND;
    }

    @Override
    public LogLeaf leafAt(String accepted) {
        return new AdminEventLeaf(action, actor, approvedBy, member, change, accepted);
    }
}

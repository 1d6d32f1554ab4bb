package org.trilateral.exchange.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deletion of one object version (TAXII DELETE or retention): {@code {"kind":"tombstone","collection","id",
 * "modified","deleted_by"?,"log_index","accepted"}}. The version's own leaf stays in the log; the tombstone
 * lets a consumer tell a deletion from a loss.
 *
 * @param deletedBy who deleted it (a member or {@code retention}), if known
 */
public record TombstoneEntry(String collectionId, String id, String modified, Optional<String> deletedBy)
        implements LogEntry {

    public TombstoneEntry {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(deletedBy, "deletedBy");
    }

    @Override
    public String kind() {
        return "tombstone";
    }

    @Override
    public String stixId() {
        return id;
    }

    @Override
    public String version() {
        return modified;
    }

    @Override
    public byte[] objectSha256() {
        return null;
    }

    @Override
    public ObjectNode toJson(long logIndex, Instant accepted) {
        ObjectNode leaf = StixJson.mapper().createObjectNode();
        leaf.put("kind", kind());
        leaf.put("collection", collectionId);
        leaf.put("id", id);
        leaf.put("modified", modified);
        deletedBy.ifPresent(who -> leaf.put("deleted_by", who));
        leaf.put("log_index", logIndex);
        leaf.put("accepted", StixTimestamp.formatMicros(accepted));
        return leaf;
    }
}

package org.trilateral.exchange.ledger;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.TombstoneRecord;

/**
 * The deletion of one object version (TAXII DELETE or retention), sealed as a {@link TombstoneRecord} with the
 * deleted version's audience: the members who could read the version learn that it is gone and who removed it.
 *
 * @param version      the deleted version, exactly as stored
 * @param objectSha256 the deleted version's content digest, 32 bytes
 * @param deletedBy    the member that deleted it, or {@code retention}
 * @param audience     the deleted version's audience
 */
public record TombstoneEntry(String collectionId, String id, String version, byte[] objectSha256, String deletedBy,
                             LeafAudience audience) implements SealedLogEntry {

    public TombstoneEntry {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(deletedBy, "deletedBy");
        Objects.requireNonNull(audience, "audience");
        objectSha256 = SealedLogEntry.checkedDigest(id, objectSha256);
    }

    @Override
    public String kind() {
        return TombstoneRecord.KIND;
    }

    @Override
    public byte[] objectSha256() {
        return objectSha256.clone();
    }

    @Override
    public SealedEntry entryAt(String accepted, Map<String, String> membersByIdentity) {
        return new TombstoneRecord(collectionId, id, version, HexFormat.of().formatHex(objectSha256),
                audience.publisherId(), deletedBy, audience.toEntry(membersByIdentity), accepted);
    }
}

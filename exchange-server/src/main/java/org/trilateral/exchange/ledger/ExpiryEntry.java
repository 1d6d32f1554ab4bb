package org.trilateral.exchange.ledger;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.trilateral.integrity.log.ExpiryRecord;
import org.trilateral.integrity.log.SealedEntry;

/**
 * The expiry of one object version (its {@code valid_until} passed), sealed as an {@link ExpiryRecord} with the
 * version's audience: the members who could read the version learn, in the log's order, that it is no longer valid.
 *
 * @param version      the expired version, exactly as stored
 * @param objectSha256 the version's content digest, 32 bytes
 * @param validUntil   the version's {@code valid_until}, as the object states it
 * @param audience     the version's audience
 */
public record ExpiryEntry(String collectionId, String id, String version, byte[] objectSha256, String validUntil,
                          LeafAudience audience) implements SealedLogEntry {

    public ExpiryEntry {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(audience, "audience");
        objectSha256 = SealedLogEntry.checkedDigest(id, objectSha256);
    }

    @Override
    public String kind() {
        return ExpiryRecord.KIND;
    }

    @Override
    public byte[] objectSha256() {
        return objectSha256.clone();
    }

    @Override
    public SealedEntry entryAt(String accepted, Map<String, String> membersByIdentity) {
        return new ExpiryRecord(collectionId, id, version, HexFormat.of().formatHex(objectSha256), audience.publisherId(),
                validUntil, audience.toEntry(membersByIdentity), accepted);
    }
}

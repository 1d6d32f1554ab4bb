package org.trilateral.exchange.ledger;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedEntry;

/**
 * An accepted object version, sealed as an {@link ObjectVersionRecord}. {@code objectSha256} covers the whole
 * canonical object, signatures included.
 *
 * @param collectionId      the collection it was added to
 * @param id                its STIX id
 * @param version           its version exactly as stored (for objects without {@code modified} or {@code created},
 *                          the {@code date_added} the exchange gave it)
 * @param objectSha256      SHA-256 of its RFC 8785 canonical form, 32 bytes
 * @param publisherIdentity the publishing member's STIX identity id
 * @param signature         the signature ingest verified with the publisher's key, if it is signed
 * @param audience          who may read it
 */
public record ObjectVersionEntry(String collectionId, String id, String version, byte[] objectSha256,
                                 String publisherIdentity, Optional<SignatureReference> signature, LeafAudience audience)
        implements SealedLogEntry {

    public ObjectVersionEntry {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publisherIdentity, "publisherIdentity");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(audience, "audience");
        objectSha256 = SealedLogEntry.checkedDigest(id, objectSha256);
    }

    @Override
    public String kind() {
        return ObjectVersionRecord.KIND;
    }

    @Override
    public byte[] objectSha256() {
        return objectSha256.clone();
    }

    @Override
    public SealedEntry entryAt(String accepted, Map<String, String> membersByIdentity) {
        return new ObjectVersionRecord(collectionId, id, version, HexFormat.of().formatHex(objectSha256),
                audience.publisherId(), publisherIdentity, signature.flatMap(SignatureReference::kid),
                signature.map(SignatureReference::compactDetached), audience.toEntry(membersByIdentity), accepted);
    }
}

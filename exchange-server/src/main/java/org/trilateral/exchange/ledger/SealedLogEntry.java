package org.trilateral.exchange.ledger;

import java.util.Map;
import org.trilateral.integrity.log.SealedEntry;

/**
 * An entry about one object version (an accepted version or a deletion): its leaf commits to the entry with a fresh
 * salt, and the opening goes only to the members its {@link LeafAudience} lets read the object.
 */
public sealed interface SealedLogEntry extends LogEntry permits ObjectVersionEntry, TombstoneEntry, ExpiryEntry {

    String collectionId();

    String id();

    String version();

    /** SHA-256 of the object's RFC 8785 form, 32 bytes. */
    byte[] objectSha256();

    LeafAudience audience();

    /**
     * The entry as the leaf commits to it.
     *
     * @param accepted         the acceptance time the log gives it (RFC 3339, microseconds)
     * @param membersByIdentity the member id of each identity named as a TLP:RED recipient
     */
    SealedEntry entryAt(String accepted, Map<String, String> membersByIdentity);

    /** A copy of an object's content digest, which must be a SHA-256 (32 bytes). */
    static byte[] checkedDigest(String id, byte[] objectSha256) {
        if (objectSha256 == null || objectSha256.length != 32) {
            throw new IllegalArgumentException("the object SHA-256 of " + id + " must be 32 bytes");
        }
        return objectSha256.clone();
    }
}

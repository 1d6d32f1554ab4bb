package org.trilateral.client;

/** What failed when an object was verified. */
public enum VerificationFailure {
    /** The object carries no signature of the exchange's signature extension. */
    NO_SIGNATURE,
    /** No signature's {@code kid} is among the publishers' keys in the exchange's JWKS. */
    UNKNOWN_KEY,
    /**
     * No signature's key is registered in the log before the object's leaf: the hub served a key (in its JWKS, say)
     * that the log does not hold, or holds only from a later index (a backdated object).
     */
    KEY_NOT_IN_LOG,
    /**
     * The key is in the log, but its registration carries no proof this participant accepts that it is the member's
     * (a previous key of the member, its pinned root, or its identity provider's attestation): an admin or the hub
     * could have registered it in the member's name.
     */
    UNPROVEN_KEY,
    /** The key's validity window, as the log's key events give it, does not cover the object. */
    KEY_NOT_VALID,
    /** The verifying key belongs to another member than the one the object names in {@code created_by_ref}. */
    KEY_OF_ANOTHER_MEMBER,
    /** The log revokes the verifying key at a lower index than the object's leaf. */
    REVOKED_KEY,
    /** A signature does not verify: the object was changed after it was signed. */
    BAD_SIGNATURE,
    /** The signature extension or a signature is malformed, or the object cannot be canonicalised. */
    MALFORMED_SIGNATURE,
    /** The publishers' keys could not be fetched. */
    KEYS_UNAVAILABLE,
    /** The log does not prove the object is included under the verified checkpoint. */
    NOT_IN_LOG,
    /**
     * The log holds a leaf for this object version, but the leaf does not describe the object as received: its
     * {@code object_sha256} differs (the object was changed after it was logged), or it names another id, version,
     * collection or kind of entry.
     */
    LEAF_MISMATCH,
    /** The log's checkpoints are inconsistent with each other (a fork or a rollback), or a checkpoint's signature fails. */
    LOG_INCONSISTENT,
    /** A checkpoint lacks the cosignatures of the witness quorum the participant requires: possibly a private view. */
    WITNESS_QUORUM,
    /** The object's entry in the log names another publisher than the object's {@code created_by_ref}. */
    PUBLISHER_MISMATCH,
    /** A later version the participant may read, or the version's tombstone, is in the log: this one was served as current but is superseded or deleted. */
    STALE,
    /** The log holds a version addressed to this participant that it was not given. */
    WITHHELD,
    /** The log could not be reached or answered with something unusable. */
    LOG_UNAVAILABLE
}

package org.trilateral.client;

/** What failed when an object was verified. */
public enum VerificationFailure {
    /** The object carries no signature of the exchange's signature extension. */
    NO_SIGNATURE,
    /** No signature's {@code kid} is among the publishers' keys in the exchange's JWKS. */
    UNKNOWN_KEY,
    /** The verifying key belongs to another member than the one the object names in {@code created_by_ref}. */
    KEY_OF_ANOTHER_MEMBER,
    /**
     * The verifying key was revoked, and the log does not show the object accepted before the revocation (or the
     * log was not checked).
     */
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
    /** The log could not be reached or answered with something unusable. */
    LOG_UNAVAILABLE
}

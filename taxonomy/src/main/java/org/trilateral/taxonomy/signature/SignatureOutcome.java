package org.trilateral.taxonomy.signature;

/** What checking one signature found. */
public enum SignatureOutcome {

    /** The signature is valid for the object under the key named by its {@code kid}. */
    VERIFIED,
    /** No key is known under the {@code kid}, so the signature could not be checked. */
    UNKNOWN_KID,
    /** The key is known but the signature does not verify: the object or the signature was altered. */
    BAD_SIGNATURE,
    /** The JWS is not in the exchange's form: bad base64url, header not JSON, {@code b64}/{@code crit} wrong. */
    MALFORMED,
    /** The header's {@code alg} is not one the exchange accepts (EdDSA, ES256). */
    UNSUPPORTED_ALG
}

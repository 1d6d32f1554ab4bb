package org.trilateral.integrity.jws;

import java.util.Optional;

/** The JWS {@code alg} values the exchange accepts (RFC 7518 §3.1, RFC 8037 §3.1). */
public enum JwsAlgorithm {

    /** Ed25519 (RFC 8037 §3.1); the default for new keys. */
    EDDSA("EdDSA"),
    /** ECDSA on P-256 with SHA-256, signature as the 64-byte R || S of RFC 7518 §3.4. */
    ES256("ES256");

    private final String headerValue;

    JwsAlgorithm(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of the {@code alg} header parameter. */
    public String headerValue() {
        return headerValue;
    }

    /** The algorithm whose {@code alg} value this is, case-sensitively (RFC 7515 §4.1.1). */
    public static Optional<JwsAlgorithm> fromHeaderValue(String value) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.headerValue.equals(value)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}

package org.trilateral.exchange.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * A member's registered public signing key and its life: valid from {@code notBefore} until {@code notAfter}
 * (exclusive; open-ended when absent), unless revoked.
 *
 * @param member       the id of the member whose key it is
 * @param jwk          the public key; its thumbprint is the kid
 * @param notAfter     end of validity (exclusive), or null
 * @param revokedAt    when it was revoked, or null
 * @param revokedReason why, when revoked
 */
public record MemberKey(MemberId member, Jwk jwk, Instant notBefore, Instant notAfter, Instant revokedAt,
                        String revokedReason, Instant created) {

    public MemberKey {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(created, "created");
        if (notAfter != null && !notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("not_after " + StixTimestamp.formatMicros(notAfter)
                    + " must be later than not_before " + StixTimestamp.formatMicros(notBefore));
        }
        if ((revokedAt == null) != (revokedReason == null)) {
            throw new IllegalArgumentException("a revoked key has both a revocation time and a reason");
        }
    }

    /** The key id: the RFC 7638 thumbprint of the public key. */
    public String kid() {
        return jwk.thumbprint();
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /**
     * Why the key may not sign at {@code instant}, or empty when it may: revoked (at any time: a revoked key's
     * signatures are no longer trusted, whenever made), not yet valid, or expired.
     */
    public Optional<String> unusableAt(Instant instant) {
        if (revoked()) {
            return Optional.of("key " + kid() + " was revoked at " + StixTimestamp.formatMicros(revokedAt)
                    + " (reason: " + revokedReason + ")");
        }
        if (instant.isBefore(notBefore)) {
            return Optional.of("key " + kid() + " is not valid before " + StixTimestamp.formatMicros(notBefore));
        }
        if (notAfter != null && !instant.isBefore(notAfter)) {
            return Optional.of("key " + kid() + " expired at " + StixTimestamp.formatMicros(notAfter));
        }
        return Optional.empty();
    }
}

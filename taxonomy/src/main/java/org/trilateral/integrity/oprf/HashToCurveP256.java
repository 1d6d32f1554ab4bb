package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.hash2curve.HashToField;
import org.bouncycastle.crypto.hash2curve.MapToCurve;
import org.bouncycastle.crypto.hash2curve.MessageExpansion;
import org.bouncycastle.crypto.hash2curve.impl.SimplifiedShallueVanDeWoestijneMapToCurve;
import org.bouncycastle.crypto.hash2curve.impl.XmdMessageExpansion;
import org.bouncycastle.math.ec.ECPoint;

/**
 * RFC 9380 for P-256 with any domain separation tag, from BouncyCastle's {@code hash2curve} parts:
 * expand_message_xmd with SHA-256 (§5.3.1), hash_to_field (§5.2) and the simplified SWU map (§6.6.2) with Z = -10,
 * assembled as the random-oracle suite P256_XMD:SHA-256_SSWU_RO_ (§8.2). BouncyCastle's ready-made
 * {@code HashToEllipticCurve} takes the tag as a Java string; RFC 9497's tags contain the mode byte 0x00-0x02, so
 * the parts are assembled here with the tag as bytes. Every RFC 9380 P-256 vector checks it.
 */
final class HashToCurveP256 {

    /** k, the target security level in bits (RFC 9380 §8.2). */
    private static final int SECURITY_BITS = 128;
    /** L = ceil((ceil(log2(p)) + k) / 8) for both p and the group order (RFC 9380 §8.2, RFC 9497 §4.3). */
    private static final int FIELD_ELEMENT_BYTES = 48;
    /** Z for P-256 (RFC 9380 §8.2). */
    private static final BigInteger Z = P256Group.FIELD_PRIME.subtract(BigInteger.TEN);

    /** Stateless: the expander clones its digest for every hash. */
    private static final MessageExpansion XMD = new XmdMessageExpansion(new SHA256Digest(), SECURITY_BITS);
    private static final MapToCurve SSWU = new SimplifiedShallueVanDeWoestijneMapToCurve(P256Group.CURVE, Z);

    private HashToCurveP256() {
    }

    /** expand_message_xmd (RFC 9380 §5.3.1) with SHA-256. */
    static byte[] expandMessageXmd(byte[] message, byte[] dst, int length) {
        return XMD.expandMessage(message, dst, length);
    }

    /** hash_to_field (RFC 9380 §5.2) over the base field of P-256, count elements with m = 1. */
    static BigInteger[] hashToField(byte[] message, byte[] dst, int count) {
        BigInteger[][] elements = new HashToField(dst, P256Group.CURVE, XMD, FIELD_ELEMENT_BYTES).process(message, count);
        BigInteger[] u = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            u[i] = elements[i][0];
        }
        return u;
    }

    /** map_to_curve_simple_swu (RFC 9380 §6.6.2). */
    static ECPoint mapToCurve(BigInteger u) {
        return SSWU.process(u).normalize();
    }

    /** hash_to_curve (RFC 9380 §3) of P256_XMD:SHA-256_SSWU_RO_; the cofactor is 1, so clear_cofactor is the identity map. */
    static ECPoint hashToCurve(byte[] message, byte[] dst) {
        BigInteger[] u = hashToField(message, dst, 2);
        return mapToCurve(u[0]).add(mapToCurve(u[1])).normalize();
    }

    /**
     * HashToScalar of RFC 9497 §4.3: hash_to_field with the group order as modulus, L = 48, expand_message_xmd with
     * SHA-256.
     */
    static BigInteger hashToScalar(byte[] message, byte[] dst) {
        byte[] uniform = expandMessageXmd(message, dst, FIELD_ELEMENT_BYTES);
        return new BigInteger(1, uniform).mod(P256Group.ORDER);
    }
}

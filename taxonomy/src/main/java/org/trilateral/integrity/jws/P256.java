package org.trilateral.integrity.jws;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** NIST P-256 with BouncyCastle's constant-time custom curve, shared by every ES256 key. */
final class P256 {

    static final int FIELD_BYTES = 32;
    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters curve = CustomNamedCurves.getByName("P-256");
        DOMAIN = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    private P256() {
    }

    /** Decodes and validates (on the curve, not infinity, right order) a public point from JWK coordinates. */
    static ECPublicKeyParameters publicKey(byte[] x, byte[] y) {
        requireFieldSize(x, "x");
        requireFieldSize(y, "y");
        try {
            ECPoint point = DOMAIN.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
            return new ECPublicKeyParameters(point, DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new JwkFormatException("the EC JWK's x and y are not a point of P-256: " + e.getMessage(), e);
        }
    }

    static byte[] coordinate(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(FIELD_BYTES, value);
    }

    /** RFC 7518 §6.2.1.2 and §6.2.2.1: coordinates and d are exactly the field size, leading zeros kept. */
    static void requireFieldSize(byte[] value, String member) {
        if (value.length != FIELD_BYTES) {
            throw new JwkFormatException("the EC JWK member \"" + member + "\" is " + value.length
                    + " bytes; P-256 requires exactly " + FIELD_BYTES + " (RFC 7518 §6.2.1)");
        }
    }
}

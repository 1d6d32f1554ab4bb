package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * A server's batch of blinded elements B[i], each with its own fixed-point comb table. Everything the server
 * multiplies in an evaluation and its proof is a multiple of the B[i] (evaluated elements, the composites M and Z, the
 * commitment r·M), so one table per element, built from the public point, serves four multiplications, each a walk of
 * the table that does the same work whatever the secret scalar (the key, its tweak, the proof nonce).
 */
final class CombBatch {

    private static final ECMultiplier COMB = new FixedPointCombMultiplier();

    private final List<ECPoint> bases;

    CombBatch(List<Element> blindedElements) {
        Objects.requireNonNull(blindedElements, "blindedElements");
        if (blindedElements.isEmpty()) {
            throw new IllegalArgumentException("evaluate at least one blinded element");
        }
        if (blindedElements.size() > Transcript.MAX_FIELD_BYTES) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, "a batch holds at most " + Transcript.MAX_FIELD_BYTES
                    + " elements: the composite index is I2OSP(i, 2) (RFC 9497 §2.2.1)");
        }
        // Fresh point objects: BouncyCastle keeps a comb table on the point it was built for, and the caller's elements
        // (a public key, say) should not carry one for as long as the caller keeps them.
        this.bases = blindedElements.stream().map(e -> {
            ECPoint point = Objects.requireNonNull(e, "blinded element").point();
            ECPoint base = P256Group.CURVE.createPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
            FixedPointUtil.precompute(base);
            return base;
        }).toList();
    }

    int size() {
        return bases.size();
    }

    /** The blinded elements B[i]. */
    List<ECPoint> points() {
        return bases;
    }

    /** s·B[i] for each i. */
    List<ECPoint> multiply(BigInteger s) {
        return bases.stream().map(b -> COMB.multiply(b, s).normalize()).toList();
    }

    /** Σ (weight[i]·scale)·B[i]. */
    ECPoint weightedSum(BigInteger[] weights, BigInteger scale) {
        ECPoint sum = P256Group.CURVE.getInfinity();
        for (int i = 0; i < bases.size(); i++) {
            sum = sum.add(COMB.multiply(bases.get(i), weights[i].multiply(scale).mod(P256Group.ORDER)));
        }
        return sum.normalize();
    }
}

package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The discrete-log-equivalence proof of RFC 9497 §2.2: that k·A = B and k·C[i] = D[i] for every i, batched over the
 * elements with composite weights. A is always the generator in the RFC's uses, so it is not a parameter.
 */
final class Dleq {

    private Dleq() {
    }

    /** (M, Z) of a composite. */
    record Composite(ECPoint m, ECPoint z) {
    }

    /** GenerateProof (RFC 9497 §2.2.1) with the proof nonce r. */
    static Proof generateProof(Suite suite, BigInteger k, ECPoint b, List<ECPoint> c, List<ECPoint> d, BigInteger r) {
        Composite composite = computeCompositesFast(suite, k, b, c, d);
        ECPoint t2 = P256Group.multiplyGenerator(r);
        ECPoint t3 = P256Group.multiplySecret(composite.m(), r);
        BigInteger challenge = challenge(suite, b, composite, t2, t3);
        BigInteger s = r.subtract(challenge.multiply(k)).mod(P256Group.ORDER);
        return new Proof(new Scalar(challenge), new Scalar(s));
    }

    /** VerifyProof (RFC 9497 §2.2.2). */
    static boolean verifyProof(Suite suite, ECPoint b, List<ECPoint> c, List<ECPoint> d, Proof proof) {
        Composite composite = computeComposites(suite, b, c, d);
        BigInteger challenge = proof.c().value();
        BigInteger response = proof.s().value();
        ECPoint t2 = P256Group.sumOfTwoMultiplies(P256Group.GENERATOR, response, b, challenge);
        ECPoint t3 = P256Group.sumOfTwoMultiplies(composite.m(), response, composite.z(), challenge);
        BigInteger expected = challenge(suite, b, composite, t2, t3);
        return new Scalar(expected).equals(proof.c());
    }

    /** ComputeCompositesFast (RFC 9497 §2.2.1): the prover, knowing k, computes Z = k·M. */
    static Composite computeCompositesFast(Suite suite, BigInteger k, ECPoint b, List<ECPoint> c, List<ECPoint> d) {
        ECPoint m = weightedSum(c, weights(suite, b, c, d));
        return new Composite(m, P256Group.multiplySecret(m, k));
    }

    /** ComputeComposites (RFC 9497 §2.2.2): the verifier computes Z from the D[i]. */
    static Composite computeComposites(Suite suite, ECPoint b, List<ECPoint> c, List<ECPoint> d) {
        BigInteger[] weights = weights(suite, b, c, d);
        return new Composite(weightedSum(c, weights), weightedSum(d, weights));
    }

    /**
     * d[i] = HashToScalar(I2OSP(len(seed), 2) || seed || I2OSP(i, 2) || I2OSP(len(Ci), 2) || Ci || I2OSP(len(Di), 2)
     * || Di || "Composite"), seed = Hash(I2OSP(len(Bm), 2) || Bm || I2OSP(len(seedDST), 2) || seedDST).
     */
    private static BigInteger[] weights(Suite suite, ECPoint b, List<ECPoint> c, List<ECPoint> d) {
        if (c.size() != d.size() || c.isEmpty()) {
            throw new IllegalArgumentException("a proof covers one or more pairs of elements, got " + c.size() + " and " + d.size());
        }
        if (c.size() > Transcript.MAX_FIELD_BYTES) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, "a batch holds at most " + Transcript.MAX_FIELD_BYTES
                    + " elements: the composite index is I2OSP(i, 2)");
        }
        byte[] seed = Suite.hash(new Transcript().lengthPrefixed(P256Group.serialize(b)).lengthPrefixed(suite.seedDst()).toBytes());
        BigInteger[] weights = new BigInteger[c.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = suite.hashToScalar(new Transcript().lengthPrefixed(seed).i2osp(i, 2)
                    .lengthPrefixed(P256Group.serialize(c.get(i))).lengthPrefixed(P256Group.serialize(d.get(i)))
                    .label("Composite").toBytes());
        }
        return weights;
    }

    private static ECPoint weightedSum(List<ECPoint> points, BigInteger[] weights) {
        if (points.size() == 1) {
            return P256Group.multiplyPublic(points.get(0), weights[0]);
        }
        return ECAlgorithms.sumOfMultiplies(points.toArray(ECPoint[]::new), weights).normalize();
    }

    /** c = HashToScalar(each of B, M, Z, t2, t3 length-prefixed || "Challenge") (RFC 9497 §2.2.1). */
    private static BigInteger challenge(Suite suite, ECPoint b, Composite composite, ECPoint t2, ECPoint t3) {
        return suite.hashToScalar(new Transcript()
                .lengthPrefixed(P256Group.serialize(b))
                .lengthPrefixed(P256Group.serialize(composite.m()))
                .lengthPrefixed(P256Group.serialize(composite.z()))
                .lengthPrefixed(P256Group.serialize(t2))
                .lengthPrefixed(P256Group.serialize(t3))
                .label("Challenge").toBytes());
    }
}

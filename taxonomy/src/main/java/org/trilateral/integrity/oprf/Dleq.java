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

    /**
     * GenerateProof (RFC 9497 §2.2.1) for a server batch: k·B = publicKey, C[i] = cScale·blinded[i] and
     * D[i] = dScale·blinded[i] = k·C[i]. The proof is the RFC's, bit for bit; only the multiplications are arranged
     * so that each is a walk of a blinded element's comb table.
     */
    static Proof generateProof(Suite suite, BigInteger k, ECPoint b, CombBatch blinded, BigInteger cScale, BigInteger dScale,
                               List<ECPoint> c, List<ECPoint> d, BigInteger r) {
        BigInteger[] weights = weights(suite, b, c, d);
        Composite composite = computeCompositesFast(blinded, weights, cScale, dScale);
        ECPoint t2 = P256Group.multiplyGenerator(r);
        // t3 = r·M = Σ (weight[i]·cScale·r)·blinded[i].
        ECPoint t3 = blinded.weightedSum(weights, cScale.multiply(r).mod(P256Group.ORDER));
        BigInteger challenge = challenge(suite, b, composite, t2, t3);
        BigInteger s = r.subtract(challenge.multiply(k)).mod(P256Group.ORDER);
        return new Proof(new Scalar(challenge), new Scalar(s));
    }

    /**
     * ComputeCompositesFast (RFC 9497 §2.2.1): M = Σ d[i]·C[i] and Z = k·M. With C[i] = cScale·B[i] and
     * k·C[i] = dScale·B[i], that is M = Σ (d[i]·cScale)·B[i] and Z = Σ (d[i]·dScale)·B[i].
     */
    static Composite computeCompositesFast(CombBatch blinded, BigInteger[] weights, BigInteger cScale, BigInteger dScale) {
        return new Composite(blinded.weightedSum(weights, cScale), blinded.weightedSum(weights, dScale));
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

    /** ComputeComposites (RFC 9497 §2.2.2): the verifier computes M = Σ d[i]·C[i] and Z = Σ d[i]·D[i]. */
    static Composite computeComposites(Suite suite, ECPoint b, List<ECPoint> c, List<ECPoint> d) {
        BigInteger[] weights = weights(suite, b, c, d);
        return new Composite(weightedSum(c, weights), weightedSum(d, weights));
    }

    /**
     * d[i] = HashToScalar(I2OSP(len(seed), 2) || seed || I2OSP(i, 2) || I2OSP(len(Ci), 2) || Ci || I2OSP(len(Di), 2)
     * || Di || "Composite"), seed = Hash(I2OSP(len(Bm), 2) || Bm || I2OSP(len(seedDST), 2) || seedDST).
     */
    static BigInteger[] weights(Suite suite, ECPoint b, List<ECPoint> c, List<ECPoint> d) {
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

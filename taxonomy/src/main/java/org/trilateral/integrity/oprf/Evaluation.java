package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/** The server steps the three modes share. */
final class Evaluation {

    private Evaluation() {
    }

    static List<Element> elements(List<ECPoint> points) {
        return points.stream().map(Element::new).toList();
    }

    static BigInteger nonce(ScalarSource random) {
        Scalar r = random.nextScalar();
        if (r.isZero()) {
            throw new IllegalStateException("the scalar source returned zero for a proof nonce");
        }
        return r.value();
    }
}

package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/** The server steps the three modes share. */
final class Evaluation {

    private Evaluation() {
    }

    static List<ECPoint> multiplyAll(List<Element> blindedElements, BigInteger k) {
        Objects.requireNonNull(blindedElements, "blindedElements");
        if (blindedElements.isEmpty()) {
            throw new IllegalArgumentException("evaluate at least one blinded element");
        }
        if (blindedElements.size() > Transcript.MAX_FIELD_BYTES) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, "a batch holds at most " + Transcript.MAX_FIELD_BYTES + " elements");
        }
        return blindedElements.stream().map(b -> P256Group.multiplySecret(Objects.requireNonNull(b, "blinded element").point(), k)).toList();
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

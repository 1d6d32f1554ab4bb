package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/** The client steps the three modes share: Blind, and the unblinding and hash of Finalize (RFC 9497 §3.3). */
final class Blinding {

    private Blinding() {
    }

    /** blind = RandomScalar(); blindedElement = blind · HashToGroup(input), for each input. */
    static BlindedBatch blind(Suite suite, ScalarSource random, List<byte[]> inputs, byte[] info, Element tweakedKey) {
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("blind at least one input");
        }
        List<Scalar> blinds = new ArrayList<>(inputs.size());
        List<Element> blinded = new ArrayList<>(inputs.size());
        for (byte[] input : inputs) {
            ECPoint inputElement = suite.inputElement(input);
            Scalar blind = random.nextScalar();
            if (blind.isZero()) {
                throw new OprfException(OprfException.Kind.INVERSE, "the blind is zero, which has no inverse (RandomScalar never returns zero, RFC 9497 §2.1)");
            }
            blinds.add(blind);
            blinded.add(new Element(P256Group.multiplySecret(inputElement, blind.value())));
        }
        return new BlindedBatch(suite.mode(), inputs, blinds, blinded, info, tweakedKey);
    }

    /** N = ScalarInverse(blind) · evaluatedElement, then the Finalize hash, for each input. */
    static List<byte[]> unblind(Suite suite, BlindedBatch batch, List<Element> evaluatedElements) {
        List<byte[]> outputs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            BigInteger inverse = P256Group.inverse(batch.blind(i).value());
            ECPoint unblinded = P256Group.multiplySecret(evaluatedElements.get(i).point(), inverse);
            outputs.add(suite.finalizeHash(batch.inputView(i), batch.infoView(), unblinded));
        }
        return outputs;
    }

    /** Refuses a batch from another mode and an evaluation of another size. */
    static void requireMatching(OprfMode mode, BlindedBatch batch, List<Element> evaluatedElements) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(evaluatedElements, "evaluatedElements");
        if (batch.mode() != mode) {
            throw new IllegalArgumentException("the batch was blinded by a " + batch.mode() + " client, not " + mode);
        }
        if (evaluatedElements.size() != batch.size()) {
            throw new IllegalArgumentException("the server returned " + evaluatedElements.size() + " evaluated elements for "
                    + batch.size() + " blinded ones");
        }
    }

    static List<ECPoint> points(List<Element> elements) {
        return elements.stream().map(Element::point).toList();
    }
}

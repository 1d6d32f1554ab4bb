package org.trilateral.integrity.oprf;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The server of the partially oblivious mode (RFC 9497 §3.3.3): evaluates blinded elements under a public info with
 * the tweaked key t = skS + HashToScalar(framed info), and proves the batch with the tweaked public key t·G.
 * Immutable and thread-safe when its {@link ScalarSource} is.
 */
public final class PoprfServer {

    private static final Suite SUITE = Suite.of(OprfMode.POPRF);

    private final OprfKeyPair keyPair;
    private final ScalarSource random;

    private PoprfServer(OprfKeyPair keyPair, ScalarSource random) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A server evaluating with {@code keyPair}, its proof nonces from {@link ScalarSource#secure()}. */
    public static PoprfServer create(OprfKeyPair keyPair) {
        return new PoprfServer(keyPair, ScalarSource.secure());
    }

    /** A server drawing its proof nonces from {@code random}. */
    public static PoprfServer create(OprfKeyPair keyPair, ScalarSource random) {
        return new PoprfServer(keyPair, random);
    }

    /** pkS, to publish. */
    public Element publicKey() {
        return keyPair.publicKey();
    }

    /**
     * BlindEvaluate (RFC 9497 §3.3.3) of a batch under one info: ScalarInverse(t) · blindedElement for each, and
     * GenerateProof(t, G, t·G, evaluatedElements, blindedElements).
     *
     * @throws OprfException INVERSE when t is zero (this key and this info), INVALID_INPUT when the info is too long
     */
    public VerifiableEvaluation blindEvaluate(byte[] info, List<Element> blindedElements) {
        BigInteger t = tweak(info);
        List<ECPoint> evaluated = Evaluation.multiplyAll(blindedElements, P256Group.inverse(t));
        Proof proof = Dleq.generateProof(SUITE, t, P256Group.multiplyGenerator(t), evaluated, Blinding.points(blindedElements),
                Evaluation.nonce(random));
        return new VerifiableEvaluation(Evaluation.elements(evaluated), proof);
    }

    /** BlindEvaluate of one element. */
    public VerifiableEvaluation blindEvaluate(byte[] info, Element blindedElement) {
        return blindEvaluate(info, List.of(blindedElement));
    }

    /** Evaluate (RFC 9497 §3.3.3): the output for an input the server holds in the clear. */
    public byte[] evaluate(byte[] input, byte[] info) {
        ECPoint inputElement = SUITE.inputElement(input);
        BigInteger t = tweak(info);
        return SUITE.finalizeHash(input, info, P256Group.multiplySecret(inputElement, P256Group.inverse(t)));
    }

    /** t = skS + HashToScalar("Info" || I2OSP(len(info), 2) || info), refused when zero. */
    private BigInteger tweak(byte[] info) {
        BigInteger t = keyPair.privateKey().value().add(SUITE.infoScalar(info)).mod(P256Group.ORDER);
        if (t.signum() == 0) {
            throw new OprfException(OprfException.Kind.INVERSE, "the private key plus the info's scalar is zero (RFC 9497 §3.3.3)");
        }
        return t;
    }
}

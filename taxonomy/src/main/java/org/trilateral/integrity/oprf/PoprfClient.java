package org.trilateral.integrity.oprf;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The client of the partially oblivious mode (RFC 9497 §3.3.3): blinds inputs under a public info, checks the
 * server's batched proof against the key tweaked by that info, then finalises with the info in the hash. Immutable and
 * thread-safe when its {@link ScalarSource} is.
 */
public final class PoprfClient {

    private static final Suite SUITE = Suite.of(OprfMode.POPRF);

    private final Element publicKey;
    private final ScalarSource random;

    private PoprfClient(Element publicKey, ScalarSource random) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A client for the server whose public key is {@code publicKey}, with blinds from {@link ScalarSource#secure()}. */
    public static PoprfClient create(Element publicKey) {
        return new PoprfClient(publicKey, ScalarSource.secure());
    }

    /** A client drawing its blinds from {@code random}. */
    public static PoprfClient create(Element publicKey, ScalarSource random) {
        return new PoprfClient(publicKey, random);
    }

    /** The server's public key this client verifies against. */
    public Element publicKey() {
        return publicKey;
    }

    /**
     * Blind (RFC 9497 §3.3.3) of each input under one info: tweakedKey = HashToScalar("Info" || I2OSP(len(info), 2) ||
     * info)·G + pkS, then blind as in the other modes.
     *
     * @throws OprfException INVALID_INPUT when the tweaked key is the identity, or an input or the info is too long
     */
    public BlindedBatch blind(byte[] info, List<byte[]> inputs) {
        ECPoint tweaked = P256Group.multiplyGenerator(SUITE.infoScalar(info)).add(publicKey.point()).normalize();
        if (tweaked.isInfinity()) {
            throw new OprfException(OprfException.Kind.INVALID_INPUT, "this info makes the tweaked key the identity for public key " + publicKey);
        }
        return Blinding.blind(SUITE, random, inputs, info, new Element(tweaked));
    }

    /** Blind of one input. */
    public BlindedBatch blind(byte[] info, byte[] input) {
        return blind(info, List.of(input));
    }

    /**
     * Finalize (RFC 9497 §3.3.3): VerifyProof(G, tweakedKey, evaluatedElements, blindedElements, proof), then unblind
     * and hash input, info and element.
     *
     * @throws OprfException VERIFY when the proof does not verify
     */
    public List<byte[]> finalizeOutputs(BlindedBatch batch, VerifiableEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        Blinding.requireMatching(OprfMode.POPRF, batch, evaluation.evaluatedElements());
        // The POPRF proof shows t·evaluated = blinded with t·G = tweakedKey: C and D swap places (RFC 9497 §3.3.3).
        if (!Dleq.verifyProof(SUITE, batch.tweakedKey().point(), Blinding.points(evaluation.evaluatedElements()),
                Blinding.points(batch.blindedElements()), evaluation.proof())) {
            throw new OprfException(OprfException.Kind.VERIFY, "the proof does not show that the evaluation used the public key "
                    + publicKey + " tweaked by this info");
        }
        return Blinding.unblind(SUITE, batch, evaluation.evaluatedElements());
    }

    /** Finalize of a batch of one. */
    public byte[] finalizeOutput(BlindedBatch batch, VerifiableEvaluation evaluation) {
        return finalizeOutputs(batch, evaluation).get(0);
    }
}

package org.trilateral.integrity.oprf;

import java.util.List;
import java.util.Objects;

/**
 * The client of the verifiable mode (RFC 9497 §3.3.2): blinds inputs, checks the server's batched proof against the
 * public key it holds, then finalises. Immutable and thread-safe when its {@link ScalarSource} is.
 */
public final class VoprfClient {

    private static final Suite SUITE = Suite.of(OprfMode.VOPRF);

    private final Element publicKey;
    private final ScalarSource random;

    private VoprfClient(Element publicKey, ScalarSource random) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A client for the server whose public key is {@code publicKey}, with blinds from {@link ScalarSource#secure()}. */
    public static VoprfClient create(Element publicKey) {
        return new VoprfClient(publicKey, ScalarSource.secure());
    }

    /** A client drawing its blinds from {@code random}. */
    public static VoprfClient create(Element publicKey, ScalarSource random) {
        return new VoprfClient(publicKey, random);
    }

    /** The server's public key this client verifies against. */
    public Element publicKey() {
        return publicKey;
    }

    /** Blind (RFC 9497 §3.3.1) of each input. */
    public BlindedBatch blind(List<byte[]> inputs) {
        return Blinding.blind(SUITE, random, inputs, null, null);
    }

    /** Blind of one input. */
    public BlindedBatch blind(byte[] input) {
        return blind(List.of(input));
    }

    /**
     * Finalize (RFC 9497 §3.3.2): VerifyProof(G, pkS, blindedElements, evaluatedElements, proof), then unblind and hash.
     *
     * @throws OprfException VERIFY when the proof does not verify, that is when the server did not use this key for
     *     every element of the batch
     */
    public List<byte[]> finalizeOutputs(BlindedBatch batch, VerifiableEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        Blinding.requireMatching(OprfMode.VOPRF, batch, evaluation.evaluatedElements());
        if (!Dleq.verifyProof(SUITE, publicKey.point(), Blinding.points(batch.blindedElements()),
                Blinding.points(evaluation.evaluatedElements()), evaluation.proof())) {
            throw new OprfException(OprfException.Kind.VERIFY, "the proof does not show that the evaluation used the public key " + publicKey);
        }
        return Blinding.unblind(SUITE, batch, evaluation.evaluatedElements());
    }

    /** Finalize of a batch of one. */
    public byte[] finalizeOutput(BlindedBatch batch, VerifiableEvaluation evaluation) {
        return finalizeOutputs(batch, evaluation).get(0);
    }
}

package org.trilateral.integrity.oprf;

import java.util.List;
import java.util.Objects;

/**
 * The client of the base mode (RFC 9497 §3.3.1): blinds inputs, then finalises the server's evaluated elements into
 * 32-byte outputs. It cannot tell which key the server used; prefer {@link VoprfClient} or {@link PoprfClient}.
 * Immutable and thread-safe when its {@link ScalarSource} is.
 */
public final class OprfClient {

    private static final Suite SUITE = Suite.of(OprfMode.OPRF);

    private final ScalarSource random;

    private OprfClient(ScalarSource random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A client drawing its blinds from {@link ScalarSource#secure()}. */
    public static OprfClient create() {
        return new OprfClient(ScalarSource.secure());
    }

    /** A client drawing its blinds from {@code random}. */
    public static OprfClient create(ScalarSource random) {
        return new OprfClient(random);
    }

    /**
     * Blind (RFC 9497 §3.3.1) of each input.
     *
     * @throws OprfException INVALID_INPUT for an input over 65,535 bytes or one that hashes to the identity
     */
    public BlindedBatch blind(List<byte[]> inputs) {
        return Blinding.blind(SUITE, random, inputs, null, null);
    }

    /** Blind of one input. */
    public BlindedBatch blind(byte[] input) {
        return blind(List.of(input));
    }

    /** Finalize (RFC 9497 §3.3.1) of each input with its evaluated element. */
    public List<byte[]> finalizeOutputs(BlindedBatch batch, List<Element> evaluatedElements) {
        Blinding.requireMatching(OprfMode.OPRF, batch, evaluatedElements);
        return Blinding.unblind(SUITE, batch, evaluatedElements);
    }

    /** Finalize of a batch of one. */
    public byte[] finalizeOutput(BlindedBatch batch, Element evaluatedElement) {
        return finalizeOutputs(batch, List.of(evaluatedElement)).get(0);
    }
}

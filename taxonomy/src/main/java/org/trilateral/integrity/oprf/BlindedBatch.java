package org.trilateral.integrity.oprf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client's state between blinding and finalising: the inputs, their secret blinds, the blinded elements to send,
 * and in POPRF mode the info and the tweaked key. Held in memory by the client that made it, never sent: only
 * {@link #blindedElements()} goes to the server.
 */
public final class BlindedBatch {

    private final OprfMode mode;
    private final List<byte[]> inputs;
    private final List<Scalar> blinds;
    private final List<Element> blindedElements;
    private final byte[] info;
    private final Element tweakedKey;

    BlindedBatch(OprfMode mode, List<byte[]> inputs, List<Scalar> blinds, List<Element> blindedElements, byte[] info, Element tweakedKey) {
        this.mode = mode;
        List<byte[]> copies = new ArrayList<>(inputs.size());
        inputs.forEach(input -> copies.add(input.clone()));
        this.inputs = List.copyOf(copies);
        this.blinds = List.copyOf(blinds);
        this.blindedElements = List.copyOf(blindedElements);
        this.info = info == null ? null : info.clone();
        this.tweakedKey = tweakedKey;
    }

    /** The mode of the client that blinded. */
    public OprfMode mode() {
        return mode;
    }

    /** The blinded elements to send, in input order. */
    public List<Element> blindedElements() {
        return blindedElements;
    }

    /** How many inputs were blinded. */
    public int size() {
        return inputs.size();
    }

    /** The public info of a POPRF batch. */
    public Optional<byte[]> info() {
        return Optional.ofNullable(info).map(byte[]::clone);
    }

    /** The i-th input as given to blind. */
    public byte[] input(int i) {
        return inputs.get(i).clone();
    }

    byte[] inputView(int i) {
        return inputs.get(i);
    }

    Scalar blind(int i) {
        return blinds.get(i);
    }

    byte[] infoView() {
        return info;
    }

    Element tweakedKey() {
        return tweakedKey;
    }

    @Override
    public String toString() {
        return "BlindedBatch[" + mode + ", " + inputs.size() + " inputs, blinds not shown]";
    }
}

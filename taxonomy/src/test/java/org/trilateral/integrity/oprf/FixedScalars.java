package org.trilateral.integrity.oprf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/** A {@link ScalarSource} that returns given scalars in order, as the published vectors fix blinds and proof nonces. */
final class FixedScalars implements ScalarSource {

    private final Deque<Scalar> scalars = new ArrayDeque<>();

    private FixedScalars(List<Scalar> scalars) {
        this.scalars.addAll(scalars);
    }

    static FixedScalars of(Scalar... scalars) {
        return new FixedScalars(List.of(scalars));
    }

    /** Scalars written as hex, one per argument or comma-separated as in allVectors.json. */
    static FixedScalars hex(String... hex) {
        Deque<Scalar> all = new ArrayDeque<>();
        for (String each : hex) {
            for (String part : each.split(",")) {
                all.add(Scalar.deserialize(HexFormat.of().parseHex(part)));
            }
        }
        return new FixedScalars(List.copyOf(all));
    }

    @Override
    public synchronized Scalar nextScalar() {
        if (scalars.isEmpty()) {
            throw new IllegalStateException("the test gave no more scalars");
        }
        return scalars.removeFirst();
    }
}

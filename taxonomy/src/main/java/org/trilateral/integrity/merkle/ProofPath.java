package org.trilateral.integrity.merkle;

import java.util.ArrayList;
import java.util.List;

/** Defensive copying of proof paths, so that proof values stay immutable. */
final class ProofPath {

    private ProofPath() {
    }

    static List<byte[]> copyOf(List<byte[]> path) {
        if (path == null) {
            return List.of();
        }
        List<byte[]> copy = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            copy.add(MerkleHash.requireHash(path.get(i), "proof element " + i).clone());
        }
        return List.copyOf(copy);
    }

    static List<byte[]> copies(List<byte[]> path) {
        return path.stream().map(byte[]::clone).toList();
    }
}

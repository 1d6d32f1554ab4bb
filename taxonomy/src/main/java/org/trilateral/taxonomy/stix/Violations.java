package org.trilateral.taxonomy.stix;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one object while it is checked; paths are built with {@link #child} and {@link #index}. */
final class Violations {

    private final List<StixViolation> found = new ArrayList<>();

    void add(String property, String message) {
        found.add(new StixViolation(property, message));
    }

    List<StixViolation> toList() {
        return List.copyOf(found);
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}

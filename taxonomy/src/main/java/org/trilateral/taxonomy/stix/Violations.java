package org.trilateral.taxonomy.stix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the violations of one object while it is checked; paths are built with {@link #child} and {@link #index}. */
final class Violations {

    private final List<StixViolation> found = new ArrayList<>();
    private final Set<String> properties = new HashSet<>();

    /**
     * Records a violation. Only the first one found on a property is kept: the checks run from the most specific
     * (the rules of §3–§7 written by hand) to the most general (the property type table), and a second message
     * about the same property would only repeat the first. Violations of the object as a whole ({@code ""}) are all
     * kept.
     */
    void add(String property, String message) {
        if (property.isEmpty() || properties.add(property)) {
            found.add(new StixViolation(property, message));
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
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

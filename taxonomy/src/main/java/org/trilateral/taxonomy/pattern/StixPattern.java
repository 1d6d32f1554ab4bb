package org.trilateral.taxonomy.pattern;

import java.util.Objects;
import java.util.Set;

/**
 * A parsed STIX pattern (STIX 2.1 §9): the text of an indicator's {@code pattern} when its
 * {@code pattern_type} is {@code stix}. Immutable and thread-safe.
 *
 * <p>Besides the grammar, parsing enforces these rules: comparison expressions joined by AND must be
 * satisfiable by one object type (§9.5, an observation expression matches a single SCO); one qualifier
 * of each kind directly on an observation expression; WITHIN and REPEATS take positive numbers; STOP
 * is later than START; object types are valid STIX type names; property names containing '-' are quoted.
 */
public final class StixPattern {

    private final ObservationExpression root;

    private StixPattern(ObservationExpression root) {
        this.root = root;
    }

    /**
     * Parses pattern text.
     *
     * @throws StixPatternException with the 0-based offset of the first error, when the text is not a valid pattern
     */
    public static StixPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        return new StixPattern(PatternParser.parse(text));
    }

    /** The outermost observation expression. */
    public ObservationExpression root() {
        return root;
    }

    /** The SCO types referenced by the pattern's object paths, in order of first appearance. */
    public Set<String> objectTypes() {
        return root.objectTypes();
    }

    /**
     * Canonical text: single spaces between tokens, {@code =} and {@code !=} for equality, the parentheses
     * of the original, literals re-escaped. Parsing it gives an equal pattern.
     */
    @Override
    public String toString() {
        return root.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StixPattern pattern && pattern.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}

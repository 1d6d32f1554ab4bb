package org.trilateral.taxonomy.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
     * Parses pattern text within the {@linkplain PatternLimits#DEFAULTS default limits}.
     *
     * @throws StixPatternException with the 0-based offset of the first error, when the text is not a valid pattern
     *     or is larger than the limits
     */
    public static StixPattern parse(String text) {
        return parse(text, PatternLimits.DEFAULTS);
    }

    /**
     * Parses pattern text within {@code limits}.
     *
     * @throws StixPatternException with the 0-based offset of the first error, when the text is not a valid pattern
     *     or crosses one of the limits (the message names which)
     */
    public static StixPattern parse(String text, PatternLimits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return new StixPattern(PatternParser.parse(text, limits));
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
     * Every comparison expression ({@code path op value} and {@code EXISTS path}) of the pattern, in the order of the
     * text. Walks the tree with an explicit stack.
     */
    public List<ComparisonExpression> comparisons() {
        List<ComparisonExpression> found = new ArrayList<>();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof ObservationExpression.Observation observation) {
                pending.push(observation.comparison());
            } else if (node instanceof ObservationExpression.Composite composite) {
                pushReversed(composite.operands(), pending);
            } else if (node instanceof ObservationExpression.Group group) {
                pending.push(group.inner());
            } else if (node instanceof ObservationExpression.Qualified qualified) {
                pending.push(qualified.expression());
            } else if (node instanceof ComparisonExpression.Composite composite) {
                pushReversed(composite.operands(), pending);
            } else if (node instanceof ComparisonExpression.Group group) {
                pending.push(group.inner());
            } else {
                found.add((ComparisonExpression) node);
            }
        }
        return List.copyOf(found);
    }

    private static void pushReversed(List<?> operands, Deque<Object> pending) {
        for (int i = operands.size() - 1; i >= 0; i--) {
            pending.push(operands.get(i));
        }
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

    /** {@code a OP b OP c}: the canonical text of an operator applied to its operands, as both expression trees write it. */
    static String joined(Object operator, java.util.List<?> operands) {
        StringBuilder text = new StringBuilder().append(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            text.append(' ').append(operator).append(' ').append(operands.get(i));
        }
        return text.toString();
    }
}

package org.trilateral.taxonomy.pattern;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An observation expression and its combinations (STIX 2.1 §9.5). */
public sealed interface ObservationExpression {

    /** The SCO types this expression refers to, in order of appearance. */
    Set<String> objectTypes();

    /** {@code [ comparison ]}: one SCO matching the comparison expression. */
    record Observation(ComparisonExpression comparison) implements ObservationExpression {
        public Observation {
            Objects.requireNonNull(comparison, "comparison");
        }

        @Override
        public Set<String> objectTypes() {
            return comparison.objectTypes();
        }

        @Override
        public String toString() {
            return "[" + comparison + "]";
        }
    }

    /**
     * Two or more observation expressions joined by the same operator, {@code a OR b OR c}: a chain is one node
     * however long it is, so the depth of the tree follows the nesting of parentheses, not the length of the text.
     * For FOLLOWEDBY the operands are in the order they must be observed.
     */
    record Composite(List<ObservationExpression> operands, ObservationOperator operator) implements ObservationExpression {
        public Composite {
            operands = List.copyOf(operands);
            Objects.requireNonNull(operator, "operator");
            if (operands.size() < 2) {
                throw new IllegalArgumentException("a composite joins at least two expressions");
            }
        }

        @Override
        public Set<String> objectTypes() {
            Set<String> types = new LinkedHashSet<>();
            for (ObservationExpression operand : operands) {
                types.addAll(operand.objectTypes());
            }
            return Collections.unmodifiableSet(types);
        }

        @Override
        public String toString() {
            return StixPattern.joined(operator, operands);
        }
    }

    /** {@code ( inner )}: kept because a qualifier after the parenthesis applies to the whole group. */
    record Group(ObservationExpression inner) implements ObservationExpression {
        public Group {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public Set<String> objectTypes() {
            return inner.objectTypes();
        }

        @Override
        public String toString() {
            return "(" + inner + ")";
        }
    }

    /** {@code expression qualifier}. */
    record Qualified(ObservationExpression expression, Qualifier qualifier) implements ObservationExpression {
        public Qualified {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(qualifier, "qualifier");
        }

        @Override
        public Set<String> objectTypes() {
            return expression.objectTypes();
        }

        @Override
        public String toString() {
            return expression + " " + qualifier;
        }
    }
}

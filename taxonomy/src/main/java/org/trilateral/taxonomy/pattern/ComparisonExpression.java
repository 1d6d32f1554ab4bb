package org.trilateral.taxonomy.pattern;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What goes between the square brackets of an observation expression (STIX 2.1 §9.4). */
public sealed interface ComparisonExpression {

    /** The SCO types this expression refers to, in order of appearance. */
    Set<String> objectTypes();

    /** {@code path [NOT] operator value}. */
    record Comparison(ObjectPath path, boolean negated, ComparisonOperator operator, PatternLiteral value)
            implements ComparisonExpression {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Set<String> objectTypes() {
            return Set.of(path.objectType());
        }

        @Override
        public String toString() {
            return path + (negated ? " NOT " : " ") + operator.symbol() + " " + value;
        }
    }

    /** {@code EXISTS path}. */
    record Exists(ObjectPath path) implements ComparisonExpression {
        public Exists {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Set<String> objectTypes() {
            return Set.of(path.objectType());
        }

        @Override
        public String toString() {
            return "EXISTS " + path;
        }
    }

    /**
     * Two or more comparison expressions joined by the same operator, {@code a AND b AND c}: a chain is one node
     * however long it is, so the depth of the tree follows the nesting of parentheses, not the length of the text.
     */
    record Composite(List<ComparisonExpression> operands, BooleanOperator operator) implements ComparisonExpression {
        public Composite {
            operands = List.copyOf(operands);
            Objects.requireNonNull(operator, "operator");
            if (operands.size() < 2) {
                throw new IllegalArgumentException("a composite joins at least two expressions");
            }
        }

        @Override
        public Set<String> objectTypes() {
            Set<String> types = new java.util.LinkedHashSet<>();
            for (ComparisonExpression operand : operands) {
                types.addAll(operand.objectTypes());
            }
            return java.util.Collections.unmodifiableSet(types);
        }

        @Override
        public String toString() {
            return StixPattern.joined(operator, operands);
        }
    }

    /** {@code ( inner )}: kept so that the canonical text groups exactly as the original did. */
    record Group(ComparisonExpression inner) implements ComparisonExpression {
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
}

package org.trilateral.taxonomy.pattern;

import java.util.Collections;
import java.util.LinkedHashSet;
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

    /** {@code left AND|OR|FOLLOWEDBY right}. */
    record Composite(ObservationExpression left, ObservationOperator operator, ObservationExpression right)
            implements ObservationExpression {
        public Composite {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public Set<String> objectTypes() {
            Set<String> types = new LinkedHashSet<>(left.objectTypes());
            types.addAll(right.objectTypes());
            return Collections.unmodifiableSet(types);
        }

        @Override
        public String toString() {
            return left + " " + operator + " " + right;
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

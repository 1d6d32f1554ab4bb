package org.trilateral.taxonomy.pattern;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The left-hand side of a comparison (STIX 2.1 §9.3): an SCO type, a colon, then property names and
 * list indexes, for example {@code file:extensions.'windows-pebinary-ext'.sections[*].entropy}.
 *
 * @param objectType the SCO type, for example {@code file}
 * @param steps the path inside the object; the first step is always a {@link Property}
 */
public record ObjectPath(String objectType, List<PathStep> steps) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public ObjectPath {
        Objects.requireNonNull(objectType, "objectType");
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.get(0) instanceof Property)) {
            throw new IllegalArgumentException("an object path starts with a property name");
        }
    }

    /** One step of an object path. */
    public sealed interface PathStep permits Property, Index {
    }

    /** {@code .name} (or the first name after the colon). */
    public record Property(String name) implements PathStep {
        public Property {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            // Names that are not plain identifiers, or that would read as a keyword, are quoted (§9.3).
            return PLAIN_NAME.matcher(name).matches() && !PatternLexer.isKeyword(name)
                    ? name : new PatternLiteral.StringLiteral(name).toString();
        }
    }

    /** {@code [n]} for one list element, or {@code [*]} ({@code index} empty) for any element. */
    public record Index(OptionalInt index) implements PathStep {
        public Index {
            Objects.requireNonNull(index, "index");
        }

        @Override
        public String toString() {
            return "[" + (index.isPresent() ? Integer.toString(index.getAsInt()) : "*") + "]";
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(objectType).append(':').append(steps.get(0));
        for (int i = 1; i < steps.size(); i++) {
            PathStep step = steps.get(i);
            text.append(step instanceof Property ? "." : "").append(step);
        }
        return text.toString();
    }
}

package org.trilateral.exchange.screening;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.trilateral.taxonomy.pattern.ComparisonExpression;
import org.trilateral.taxonomy.pattern.ComparisonOperator;
import org.trilateral.taxonomy.pattern.ObjectPath;
import org.trilateral.taxonomy.pattern.PatternLiteral;
import org.trilateral.taxonomy.pattern.StixPattern;
import org.trilateral.taxonomy.pattern.StixPatternException;

/**
 * The values an indicator's pattern names with a plain equality ({@code type:property = 'value'}, STIX 2.1 §9.5), by
 * {@code type:property}: what screening compares identifiers with. A pattern that does not parse names nothing.
 */
record IndicatorFacts(Map<String, Set<String>> equalities) {

    IndicatorFacts {
        equalities = Map.copyOf(equalities);
    }

    static IndicatorFacts of(String pattern) {
        Map<String, Set<String>> found = new HashMap<>();
        try {
            for (ComparisonExpression expression : StixPattern.parse(pattern).comparisons()) {
                if (expression instanceof ComparisonExpression.Comparison comparison && !comparison.negated()
                        && comparison.operator() == ComparisonOperator.EQUAL
                        && comparison.value() instanceof PatternLiteral.StringLiteral literal
                        && comparison.path().steps().size() == 1
                        && comparison.path().steps().get(0) instanceof ObjectPath.Property property) {
                    found.computeIfAbsent(comparison.path().objectType() + ":" + property.name(), k -> new HashSet<>())
                            .add(literal.value());
                }
            }
        } catch (StixPatternException e) {
            return new IndicatorFacts(Map.of());
        }
        return new IndicatorFacts(found);
    }

    Set<String> values(String typeAndProperty) {
        return equalities.getOrDefault(typeAndProperty, Set.of());
    }

    /** Whether the pattern names {@code value} for the property and, when it names any, {@code qualifierValue}. */
    boolean names(String property, String value, String qualifier, String qualifierValue) {
        if (!values(property).contains(value)) {
            return false;
        }
        Set<String> qualifiers = values(qualifier);
        return qualifiers.isEmpty() || qualifierValue == null || qualifiers.contains(qualifierValue);
    }
}

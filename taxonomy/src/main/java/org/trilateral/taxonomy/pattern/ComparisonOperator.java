package org.trilateral.taxonomy.pattern;

/** Comparison operators of STIX 2.1 §9.4 (EXISTS is its own expression, {@link ComparisonExpression.Exists}). */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    GREATER(">"),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    LESS_OR_EQUAL("<="),
    IN("IN"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    ISSUBSET("ISSUBSET"),
    ISSUPERSET("ISSUPERSET");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a pattern. */
    public String symbol() {
        return symbol;
    }
}

package org.trilateral.taxonomy.pattern;

/**
 * Operators joining observation expressions (STIX 2.1 §9.5), listed from the tightest binding to the
 * loosest (§9.6 operator precedence).
 */
public enum ObservationOperator {
    /** Both observation expressions match, in any order. */
    AND,
    /** Either observation expression matches. */
    OR,
    /** Both match and the left one is observed before the right one. */
    FOLLOWEDBY
}

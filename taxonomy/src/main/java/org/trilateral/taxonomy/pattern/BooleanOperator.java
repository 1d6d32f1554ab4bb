package org.trilateral.taxonomy.pattern;

/** Operators joining comparison expressions inside one observation expression (STIX 2.1 §9.4); AND binds tighter. */
public enum BooleanOperator {
    AND,
    OR
}

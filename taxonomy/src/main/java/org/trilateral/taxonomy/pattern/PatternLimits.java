package org.trilateral.taxonomy.pattern;

/**
 * How large a STIX pattern the parser accepts. The grammar (STIX 2.1 §9) sets no bound; these keep the work of
 * parsing, and of every later walk over the syntax tree, proportional to a size the caller chose. A pattern over a
 * limit is refused with a {@link StixPatternException} that names the limit and the offset where it was crossed.
 *
 * @param maxLength      most characters of pattern text (default {@value #DEFAULT_MAX_LENGTH})
 * @param maxNesting     deepest nesting of parentheses and square brackets, counted together: {@code [a:b = 1]} is
 *                       one level, {@code ([a:b = 1])} two (default {@value #DEFAULT_MAX_NESTING}, at most
 *                       {@value #MAX_NESTING_CEILING}, which keeps every recursive walk of the tree far from the end of
 *                       a thread's stack)
 * @param maxComparisons most comparison expressions ({@code path op value} and {@code EXISTS path}) in the whole
 *                       pattern (default {@value #DEFAULT_MAX_COMPARISONS})
 */
public record PatternLimits(int maxLength, int maxNesting, int maxComparisons) {

    public static final int DEFAULT_MAX_LENGTH = 65_536;
    public static final int DEFAULT_MAX_NESTING = 32;
    public static final int DEFAULT_MAX_COMPARISONS = 5_000;
    /** The highest {@code maxNesting} that may be configured. */
    public static final int MAX_NESTING_CEILING = 100;

    /** The defaults above. */
    public static final PatternLimits DEFAULTS =
            new PatternLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_NESTING, DEFAULT_MAX_COMPARISONS);

    public PatternLimits {
        if (maxLength < 1 || maxNesting < 1 || maxComparisons < 1) {
            throw new IllegalArgumentException("pattern limits must be positive: " + maxLength + ", " + maxNesting
                    + ", " + maxComparisons);
        }
        if (maxNesting > MAX_NESTING_CEILING) {
            throw new IllegalArgumentException("maxNesting " + maxNesting + " is above " + MAX_NESTING_CEILING
                    + ", beyond which walking the syntax tree recursively is no longer safe");
        }
    }
}

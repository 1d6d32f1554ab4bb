package org.trilateral.taxonomy.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Hostile patterns get a {@link StixPatternException} naming the limit, never a StackOverflowError: the issue's
 * reproductions (30,000 nested parentheses, 20,000 ANDs) and the largest patterns the limits let through, parsed and
 * walked on a thread with a small stack.
 */
class PatternLimitsTest {

    /** A quarter of the usual 1 MiB thread stack: what passes here passes with room to spare on a real thread. */
    private static final long SMALL_STACK = 256 * 1024;

    @Test
    void parseWhenThirtyThousandNestedParenthesesThenRefusedNamingTheNestingLimit() {
        String pattern = "(".repeat(30_000) + "[file:name = 'a']" + ")".repeat(30_000);

        assertThatThrownBy(() -> onSmallStack(() -> StixPattern.parse(pattern)))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.position()).isEqualTo(PatternLimits.DEFAULT_MAX_NESTING);
                    assertThat(e.reason()).contains("more than 32 levels deep", "pattern nesting limit");
                });
    }

    @Test
    void parseWhenThirtyThousandNestedComparisonParenthesesThenRefusedNamingTheNestingLimit() {
        String pattern = "[" + "(".repeat(30_000) + "file:name = 'a'" + ")".repeat(30_000) + "]";

        assertThatThrownBy(() -> onSmallStack(() -> StixPattern.parse(pattern)))
                .isInstanceOfSatisfying(StixPatternException.class,
                        e -> assertThat(e.reason()).contains("pattern nesting limit"));
    }

    @Test
    void parseWhenTwentyThousandAndsThenRefusedNamingTheLengthLimit() {
        String pattern = "[file:name = 'a'" + " AND file:name = 'a'".repeat(20_000) + "]";

        assertThatThrownBy(() -> onSmallStack(() -> StixPattern.parse(pattern)))
                .isInstanceOfSatisfying(StixPatternException.class,
                        e -> assertThat(e.reason()).contains("400017 characters long", "pattern length limit"));
    }

    @Test
    void parseWhenMoreComparisonsThanTheLimitThenRefusedAtTheFirstOneTooMany() {
        PatternLimits limits = new PatternLimits(1_000_000, 32, 5_000);
        String and = " AND file:name = 'a'";
        String pattern = "[file:name = 'a'" + and.repeat(20_000) + "]";

        assertThatThrownBy(() -> onSmallStack(() -> StixPattern.parse(pattern, limits)))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.reason()).contains("more than 5000 comparison expressions", "pattern comparisons limit");
                    assertThat(e.position()).isEqualTo("[file:name = 'a'".length() + 4999 * and.length() + " AND ".length());
                });
    }

    @Test
    void parseWhenTwentyThousandObservationsWithinRaisedLimitsThenTheTreeStaysShallow() {
        PatternLimits limits = new PatternLimits(1_000_000, 32, 20_001);
        String pattern = "[file:name = 'a']" + " AND [file:name = 'a']".repeat(20_000);

        StixPattern parsed = onSmallStack(() -> StixPattern.parse(pattern, limits));

        assertThat(((ObservationExpression.Composite) parsed.root()).operands()).hasSize(20_001);
    }

    @Test
    void parseWhenLongerThanTheLengthLimitThenRefusedBeforeReadingIt() {
        PatternLimits limits = new PatternLimits(100, 32, 100);
        String pattern = "[file:name = '" + "a".repeat(200) + "']";

        assertThatThrownBy(() -> StixPattern.parse(pattern, limits))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.position()).isEqualTo(100);
                    assertThat(e.reason()).contains("216 characters long", "limit of 100 characters", "pattern length limit");
                });
    }

    @Test
    void parseWhenAtTheHighestLimitsThenAcceptedAndEveryWalkFinishesOnASmallStack() {
        PatternLimits limits = new PatternLimits(10_000_000, PatternLimits.MAX_NESTING_CEILING, 20_000);
        int depth = limits.maxNesting();
        // The deepest nesting allowed, with the longest chain of comparisons in its innermost brackets; and the
        // longest chain of observations.
        String deepText = "[" + "(".repeat(depth - 1) + "file:name = 'a'" + " OR file:size = 1".repeat(limits.maxComparisons() - 1)
                + ")".repeat(depth - 1) + "]";
        String wideText = "[file:name = 'a']" + " FOLLOWEDBY [file:name = 'a']".repeat(limits.maxComparisons() - 1);

        // The first call of a record's equals links its call site, which takes far more stack than the call itself;
        // link them here, not at the bottom of a deep tree.
        StixPattern small = StixPattern.parse("[file:name = 'a' AND (file:size = 1)] WITHIN 5 SECONDS");
        assertThat(small).isEqualTo(StixPattern.parse(small.toString())).hasSameHashCodeAs(StixPattern.parse(small.toString()));
        for (String text : new String[] {deepText, wideText}) {
            StixPattern pattern = onSmallStack(() -> StixPattern.parse(text, limits));
            String canonical = onSmallStack(pattern::toString);
            StixPattern again = onSmallStack(() -> StixPattern.parse(canonical, limits));
            assertThat(onSmallStack(() -> again.equals(pattern) && again.hashCode() == pattern.hashCode())).isTrue();
            assertThat(onSmallStack(pattern::objectTypes)).containsExactly("file");
            assertThat(onSmallStack(pattern::comparisons)).hasSize(limits.maxComparisons());
        }
    }

    @Test
    void parseWhenLongBinaryLiteralThenCheckedWithoutRecursion() {
        String pattern = "[artifact:payload_bin = b'" + "QUJD".repeat(15_000) + "']";

        assertThat(onSmallStack(() -> StixPattern.parse(pattern)).comparisons()).hasSize(1);
    }

    @Test
    void limitsWhenNestingAboveTheCeilingThenRefused() {
        assertThatThrownBy(() -> new PatternLimits(1000, PatternLimits.MAX_NESTING_CEILING + 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 100");
    }

    /** Runs {@code work} on a thread with {@link #SMALL_STACK}, rethrowing what it throws. */
    static <T> T onSmallStack(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError("failed on a small stack", failure.get());
        }
        return result.get();
    }
}

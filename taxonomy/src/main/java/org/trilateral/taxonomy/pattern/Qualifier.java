package org.trilateral.taxonomy.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/** A qualifier applied to an observation expression (STIX 2.1 §9.5, observation expression qualifiers). */
public sealed interface Qualifier {

    /** {@code WITHIN n SECONDS}: n is a positive integer or float. */
    record Within(BigDecimal seconds) implements Qualifier {
        public Within {
            Objects.requireNonNull(seconds, "seconds");
            if (seconds.signum() <= 0) {
                throw new IllegalArgumentException("WITHIN needs a positive number of seconds, not " + seconds.toPlainString());
            }
        }

        @Override
        public String toString() {
            return "WITHIN " + seconds.toPlainString() + " SECONDS";
        }
    }

    /** {@code REPEATS n TIMES}: n is a positive integer. */
    record Repeats(BigInteger times) implements Qualifier {
        public Repeats {
            Objects.requireNonNull(times, "times");
            if (times.signum() <= 0) {
                throw new IllegalArgumentException("REPEATS needs a positive integer, not " + times);
            }
        }

        @Override
        public String toString() {
            return "REPEATS " + times + " TIMES";
        }
    }

    /** {@code START t'…' STOP t'…'}: the stop time is later than the start time. */
    record StartStop(PatternLiteral.TimestampLiteral start, PatternLiteral.TimestampLiteral stop) implements Qualifier {
        public StartStop {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
            if (!stop.instant().isAfter(start.instant())) {
                throw new IllegalArgumentException("STOP " + stop + " is not later than START " + start);
            }
        }

        @Override
        public String toString() {
            return "START " + start + " STOP " + stop;
        }
    }
}

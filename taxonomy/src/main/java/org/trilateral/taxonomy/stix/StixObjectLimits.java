package org.trilateral.taxonomy.stix;

import java.util.Objects;
import org.trilateral.taxonomy.pattern.PatternLimits;

/**
 * How large one STIX object may be for {@link StixObjectValidator} to accept it. STIX 2.1 sets no size limits; an
 * exchange has to, so that validating, storing and serving an object costs a bounded amount of work. Each limit that an
 * object crosses is one violation naming the limit and the property where it was crossed; an object that crosses the
 * depth, property-count or list-length limit is not checked further. docs/validation.md lists the defaults.
 *
 * @param maxDepth             deepest nesting of JSON objects and lists in one STIX object, the object itself being
 *                             level 1 (default {@value #DEFAULT_MAX_DEPTH}; at most {@value #MAX_DEPTH_CEILING}, which
 *                             keeps every recursive walk of an object far from the end of a thread's stack)
 * @param maxProperties        most members of any one JSON object in it, the STIX object itself included (default
 *                             {@value #DEFAULT_MAX_PROPERTIES})
 * @param maxListLength        most elements of any one list in it (default {@value #DEFAULT_MAX_LIST_LENGTH})
 * @param maxStringLength      most characters of any string in it, and of any property name, that no limit below
 *                             covers (default {@value #DEFAULT_MAX_STRING_LENGTH}; at least {@value #MIN_STRING_LENGTH})
 * @param maxNameLength        most characters of a {@code name} property, at any depth (default
 *                             {@value #DEFAULT_MAX_NAME_LENGTH})
 * @param maxDescriptionLength most characters of a {@code description} property, at any depth (default
 *                             {@value #DEFAULT_MAX_DESCRIPTION_LENGTH})
 * @param pattern              the limits of an indicator's STIX {@code pattern}, whose {@code maxLength} is also the
 *                             limit on the {@code pattern} property's length (default {@link PatternLimits#DEFAULTS})
 */
public record StixObjectLimits(int maxDepth, int maxProperties, int maxListLength, int maxStringLength, int maxNameLength,
                               int maxDescriptionLength, PatternLimits pattern) {

    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final int DEFAULT_MAX_PROPERTIES = 1_000;
    public static final int DEFAULT_MAX_LIST_LENGTH = 10_000;
    public static final int DEFAULT_MAX_STRING_LENGTH = 65_536;
    public static final int DEFAULT_MAX_NAME_LENGTH = 1_024;
    public static final int DEFAULT_MAX_DESCRIPTION_LENGTH = 262_144;
    /** The lowest {@code maxStringLength} that may be configured: every identifier must fit. */
    public static final int MIN_STRING_LENGTH = 288;
    /** The highest {@code maxDepth} that may be configured. */
    public static final int MAX_DEPTH_CEILING = 100;

    /** The defaults above. */
    public static final StixObjectLimits DEFAULTS = new StixObjectLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_PROPERTIES,
            DEFAULT_MAX_LIST_LENGTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_DESCRIPTION_LENGTH,
            PatternLimits.DEFAULTS);

    public StixObjectLimits {
        Objects.requireNonNull(pattern, "pattern");
        if (maxDepth < 2 || maxProperties < 1 || maxListLength < 1 || maxNameLength < 1 || maxDescriptionLength < 1) {
            throw new IllegalArgumentException("object limits must be positive (max depth at least 2)");
        }
        if (maxStringLength < MIN_STRING_LENGTH) {
            throw new IllegalArgumentException("maxStringLength " + maxStringLength + " is below " + MIN_STRING_LENGTH
                    + ", the length of the longest identifier (a 250-character type, '--' and a UUID)");
        }
        if (maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth " + maxDepth + " is above " + MAX_DEPTH_CEILING
                    + ", beyond which walking an object recursively is no longer safe");
        }
    }

    /** The most characters a string property called {@code property} may have. */
    int maxLengthOf(String property) {
        return switch (property) {
            case "name" -> maxNameLength;
            case "description" -> maxDescriptionLength;
            case "pattern" -> pattern.maxLength();
            default -> maxStringLength;
        };
    }

    /** The name of the limit that {@link #maxLengthOf} applies to {@code property}, for messages. */
    static String lengthLimitName(String property) {
        return switch (property) {
            case "name" -> "name length limit";
            case "description" -> "description length limit";
            case "pattern" -> "pattern length limit";
            default -> "string length limit";
        };
    }
}

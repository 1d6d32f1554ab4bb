package org.trilateral.taxonomy.persona;

import java.text.Normalizer;
import java.util.Locale;

/** The steps that several kinds share, each named as in docs/persona-identifiers.md. */
final class NormalisationSteps {

    private static final String TRIMMED = " \t\n\u000B\f\r";

    private NormalisationSteps() {
    }

    /** Unicode Normalization Form KC (UAX #15). */
    static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Removes U+0009-U+000D and U+0020 at both ends (after NFKC, other Unicode spaces have become U+0020). */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && TRIMMED.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIMMED.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Unicode default full lower-case mapping, independent of the platform's locale. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * The exchange's case fold: NFKC, Unicode default full upper-case mapping, full lower-case mapping, NFKC again.
     * Upper-casing first folds characters whose lower-case mapping alone would keep them apart (ß and ss).
     */
    static String caseFold(String text) {
        return nfkc(text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
    }

    /** Removes every code point of general category P* (punctuation), Z* (separators), Cc or Cf. */
    static String withoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isSeparator(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True for a code point of general category P*, Z*, Cc or Cf. */
    static boolean isSeparator(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT -> true;
            default -> false;
        };
    }

    static String required(String value, String what) {
        if (value == null) {
            throw new InvalidPersonaIdentifierException(what + " is missing");
        }
        return value;
    }
}

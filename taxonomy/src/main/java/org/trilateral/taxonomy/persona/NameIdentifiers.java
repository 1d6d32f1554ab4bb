package org.trilateral.taxonomy.persona;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names, always with a date of birth (docs/persona-identifiers.md, "names"): a name alone identifies nobody.
 * The native-script spelling and the passport (ICAO 9303 machine-readable zone) spelling are separate kinds,
 * so that a romanisation never matches a native spelling by accident. Normalised form: {@code <name>|<YYYY-MM-DD>}
 * where the name is case-folded with every separator and punctuation mark removed, so that "Kim Ung-Sun",
 * "KIM UNG SUN" and "KIM&lt;&lt;UNG&lt;SUN" agree.
 */
public final class NameIdentifiers {

    private static final Pattern PASSPORT_NAME = Pattern.compile("[a-z]+");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private NameIdentifiers() {
    }

    /** A name in its native script (Hangul, kana/kanji, Latin, ...). */
    public static TaggedIdentifier nativeScript(String name, LocalDate dateOfBirth) {
        return new TaggedIdentifier(PersonaKind.NAME_DOB_NATIVE, null, foldName(name) + "|" + format(dateOfBirth));
    }

    /** A name as spelled in a passport's MRZ: Latin letters only once '&lt;' fillers and separators are removed. */
    public static TaggedIdentifier passport(String name, LocalDate dateOfBirth) {
        String folded = foldName(name).replace("<", "");
        if (!PASSPORT_NAME.matcher(folded).matches()) {
            throw new InvalidPersonaIdentifierException("passport name '" + name
                    + "' must be in the Latin letters A-Z of the ICAO 9303 machine-readable zone; use the native-script kind otherwise");
        }
        return new TaggedIdentifier(PersonaKind.NAME_DOB_PASSPORT, null, folded + "|" + format(dateOfBirth));
    }

    /** Parses a date of birth written as {@code YYYY-MM-DD} (ISO 8601 calendar date). */
    public static LocalDate dateOfBirth(String text) {
        try {
            return LocalDate.parse(NormalisationSteps.required(text, "date of birth"), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidPersonaIdentifierException("date of birth '" + text + "' is not a YYYY-MM-DD calendar date", e);
        }
    }

    private static String foldName(String name) {
        String folded = NormalisationSteps.withoutSeparators(NormalisationSteps.caseFold(
                NormalisationSteps.nfkc(NormalisationSteps.required(name, "name"))));
        if (folded.isEmpty()) {
            throw new InvalidPersonaIdentifierException("name is empty once separators and punctuation are removed");
        }
        return folded;
    }

    private static String format(LocalDate dateOfBirth) {
        Objects.requireNonNull(dateOfBirth, "a name is only ever hashed together with a date of birth");
        if (dateOfBirth.getYear() < 1000 || dateOfBirth.getYear() > 9999) {
            throw new InvalidPersonaIdentifierException("date of birth year " + dateOfBirth.getYear() + " is not four digits");
        }
        return ISO_DATE.format(dateOfBirth);
    }
}

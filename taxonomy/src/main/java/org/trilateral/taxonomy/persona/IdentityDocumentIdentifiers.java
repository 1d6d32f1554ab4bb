package org.trilateral.taxonomy.persona;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identity documents (docs/persona-identifiers.md, "identity documents"): issuing state, document type and number.
 * Normalised form: {@code <STATE>|<type>|<NUMBER>}, the state as the ICAO 9303 Part 3 code (e.g. KOR, JPN, USA,
 * D for Germany), the number upper-cased with every separator removed.
 */
public final class IdentityDocumentIdentifiers {

    /** The document types; the value is written in the normalised form. */
    public enum DocumentType {
        PASSPORT("passport"),
        NATIONAL_ID("national-id"),
        DRIVING_LICENCE("driving-licence"),
        RESIDENCE_PERMIT("residence-permit"),
        VISA("visa");

        private final String value;

        DocumentType(String value) {
            this.value = value;
        }

        /** The vocabulary value. */
        public String value() {
            return value;
        }

        /** The type with this vocabulary value, if any. */
        public static Optional<DocumentType> fromValue(String value) {
            return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
        }
    }

    private static final Pattern STATE = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]+");

    private IdentityDocumentIdentifiers() {
    }

    /**
     * @param issuingState the ICAO 9303 code of the issuing state, any case, '&lt;' fillers allowed
     * @param type the document type
     * @param number the document number as printed, separators allowed
     */
    public static TaggedIdentifier normalise(String issuingState, DocumentType type, String number) {
        if (type == null) {
            throw new InvalidPersonaIdentifierException("document type is missing");
        }
        String state = upperWithoutSeparators(NormalisationSteps.required(issuingState, "issuing state")).replace("<", "");
        if (!STATE.matcher(state).matches()) {
            throw new InvalidPersonaIdentifierException("issuing state '" + issuingState + "' is not an ICAO 9303 code of 1 to 3 letters");
        }
        String digits = upperWithoutSeparators(NormalisationSteps.required(number, "document number")).replace("<", "");
        if (!NUMBER.matcher(digits).matches()) {
            throw new InvalidPersonaIdentifierException("document number '" + number
                    + "' must consist of Latin letters and digits once separators are removed");
        }
        return new TaggedIdentifier(PersonaKind.IDENTITY_DOCUMENT, null, state + "|" + type.value() + "|" + digits);
    }

    private static String upperWithoutSeparators(String text) {
        return NormalisationSteps.withoutSeparators(NormalisationSteps.nfkc(text).toUpperCase(Locale.ROOT));
    }
}

package org.trilateral.taxonomy.persona;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Phone numbers (docs/persona-identifiers.md, "phone"): NFKC, then libphonenumber parsing with the member's
 * default region, then E.164. A number is refused when libphonenumber does not find it possible; validity
 * against numbering plans is not required, because plan metadata changes between library versions and the
 * digest of a number must not.
 */
public final class PhoneIdentifiers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneIdentifiers() {
    }

    /**
     * @param raw the number as seen, national or international
     * @param defaultRegion ISO 3166-1 alpha-2 region for numbers written without '+' (e.g. KR, JP, US); may be
     *     null when the number starts with '+'
     */
    public static TaggedIdentifier normalise(String raw, String defaultRegion) {
        String text = NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(raw, "phone number")));
        String region = defaultRegion == null ? null : defaultRegion.toUpperCase(Locale.ROOT);
        if (region != null && !UTIL.getSupportedRegions().contains(region)) {
            throw new InvalidPersonaIdentifierException("default region '" + defaultRegion + "' is not an ISO 3166-1 alpha-2 region libphonenumber knows");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            throw new InvalidPersonaIdentifierException("phone number '" + text + "' cannot be parsed ("
                    + e.getErrorType() + (region == null ? "; no default region given" : "") + ")", e);
        }
        PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            throw new InvalidPersonaIdentifierException("phone number '" + text + "' is not a possible number: " + possible);
        }
        return new TaggedIdentifier(PersonaKind.PHONE, null, UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }
}

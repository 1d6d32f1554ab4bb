package org.trilateral.taxonomy.bank;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Business Identifier Code (ISO 9362, the SWIFT code): party prefix (4 letters or digits), country (ISO 3166-1
 * alpha-2), party suffix (2 letters or digits) and an optional branch (3). Written in its shortest form: the branch
 * {@code XXX}, which means the primary office, is dropped, so {@code DEUTDEFFXXX} and {@code DEUTDEFF} agree.
 *
 * @param value 8 or 11 characters, upper case, never ending in {@code XXX}
 */
public record Bic(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    /** Refuses a value that is not a BIC in its shortest form; use {@link #parse(String)} for written forms. */
    public Bic {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidBankIdentifierException("BIC '" + value + "' must be 8 or 11 letters and digits: party prefix (4), "
                    + "country (2 letters), party suffix (2), optional branch (3) (ISO 9362)");
        }
        if (!BankText.COUNTRIES.contains(value.substring(4, 6))) {
            throw new InvalidBankIdentifierException("BIC '" + value + "' names country '" + value.substring(4, 6)
                    + "', which is not an ISO 3166-1 alpha-2 code");
        }
        if (value.length() == 11 && value.endsWith("XXX")) {
            throw new InvalidBankIdentifierException("BIC '" + value + "' is written without the primary-office branch XXX: '"
                    + value.substring(0, 8) + "'");
        }
    }

    /** Validates a BIC in any case, with spaces, and drops a branch {@code XXX}. */
    public static Bic parse(String text) {
        String compact = BankText.compact(text, "BIC");
        if (compact.length() == 11 && compact.endsWith("XXX")) {
            compact = compact.substring(0, 8);
        }
        return new Bic(compact);
    }

    /** The country of the institution. */
    public String countryCode() {
        return value.substring(4, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}

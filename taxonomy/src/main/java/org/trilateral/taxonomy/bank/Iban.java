package org.trilateral.taxonomy.bank;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616-1) in its electronic form: upper case, no spaces, e.g.
 * {@code DE89370400440532013000}. Valid when its country is in the IBAN registry, its length is that country's, its
 * check digits are 02 to 98 and the MOD 97-10 check of ISO 7064 gives 1.
 *
 * @param value the electronic form
 */
public record Iban(String value) {

    /**
     * IBAN length per country, SWIFT IBAN registry (ISO 13616 registration authority), 89 countries. Dependent
     * territories use their parent's code (French overseas departments FR, Åland FI, Jersey, Guernsey and the Isle of
     * Man GB).
     */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final Pattern FORM = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");

    /** Refuses a value that is not a valid IBAN in electronic form; use {@link #parse(String)} for printed forms. */
    public Iban {
        Objects.requireNonNull(value, "value");
        check(value);
    }

    /**
     * Validates an IBAN written in print form ({@code DE89 3704 0044 0532 0130 00}), in lower case or with an
     * {@code IBAN} label, and returns its electronic form.
     *
     * @throws InvalidBankIdentifierException naming the rule it breaks (unknown country, length, check digits)
     */
    public static Iban parse(String text) {
        String compact = BankText.compact(text, "IBAN");
        if (compact.startsWith("IBAN")) {
            compact = compact.substring(4).replaceFirst("^:", "");
        }
        return new Iban(compact);
    }

    /** The ISO 3166-1 alpha-2 country of the account. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The value in groups of four, as printed. */
    public String printForm() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static void check(String iban) {
        if (!FORM.matcher(iban).matches()) {
            throw new InvalidBankIdentifierException("IBAN '" + iban + "' must be two letters, two check digits and letters or digits");
        }
        Integer length = LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            throw new InvalidBankIdentifierException("IBAN country '" + iban.substring(0, 2) + "' is not in the ISO 13616 IBAN registry");
        }
        if (iban.length() != length) {
            throw new InvalidBankIdentifierException("IBAN '" + iban + "' has " + iban.length() + " characters; an IBAN of "
                    + iban.substring(0, 2) + " has " + length);
        }
        int checkDigits = Integer.parseInt(iban.substring(2, 4));
        // ISO 13616-1: check digits are 02 to 98; 00, 01 and 99 would pass MOD 97 in place of 97, 98 and 02.
        if (checkDigits < 2 || checkDigits > 98) {
            throw new InvalidBankIdentifierException("IBAN '" + iban + "' has check digits " + iban.substring(2, 4) + "; they are 02 to 98");
        }
        if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
            throw new InvalidBankIdentifierException("IBAN '" + iban + "' fails the ISO 7064 MOD 97-10 check (a character is wrong or two are swapped)");
        }
    }

    /** The integer whose digits are the text with A=10 ... Z=35 (ISO 13616-1 Annex), modulo 97, digit by digit. */
    private static int mod97(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 36);
            remainder = digit < 10 ? (remainder * 10 + digit) % 97 : (remainder * 100 + digit) % 97;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}

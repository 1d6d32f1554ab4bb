package org.trilateral.taxonomy.bank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Steps the bank identifiers share. */
final class BankText {

    /** ISO 3166-1 alpha-2 codes as Java 17 knows them, plus XK (Kosovo), which IBANs and BICs use. */
    static final Set<String> COUNTRIES;

    static {
        Set<String> countries = new TreeSet<>(Set.of(Locale.getISOCountries()));
        countries.add("XK");
        COUNTRIES = Set.copyOf(countries);
    }

    private BankText() {
    }

    /** NFKC, upper case (locale-independent), and every space and hyphen removed. */
    static String compact(String text, String what) {
        if (text == null) {
            throw new InvalidBankIdentifierException(what + " is missing");
        }
        String compact = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (compact.isEmpty()) {
            throw new InvalidBankIdentifierException(what + " is empty");
        }
        return compact;
    }
}

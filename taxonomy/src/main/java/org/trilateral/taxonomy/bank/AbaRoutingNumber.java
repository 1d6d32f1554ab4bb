package org.trilateral.taxonomy.bank;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A US ABA routing transit number: nine digits whose weighted sum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a
 * multiple of ten, and whose first two digits are a Federal Reserve routing symbol: 00-12, 21-32 (thrift
 * institutions), 61-72 (electronic) or 80 (traveller's cheques). It names a bank, not a person.
 *
 * @param value the nine digits
 */
public record AbaRoutingNumber(String value) {

    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

    /** Refuses anything but a valid routing number of nine digits; use {@link #parse(String)} for written forms. */
    public AbaRoutingNumber {
        Objects.requireNonNull(value, "value");
        if (!NINE_DIGITS.matcher(value).matches()) {
            throw new InvalidBankIdentifierException("ABA routing number '" + value + "' must be nine digits");
        }
        int prefix = Integer.parseInt(value.substring(0, 2));
        if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80)) {
            throw new InvalidBankIdentifierException("ABA routing number '" + value + "' starts with " + value.substring(0, 2)
                    + "; routing numbers start with 00-12, 21-32, 61-72 or 80");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int weight = switch (i % 3) {
                case 0 -> 3;
                case 1 -> 7;
                default -> 1;
            };
            sum += weight * (value.charAt(i) - '0');
        }
        if (sum % 10 != 0) {
            throw new InvalidBankIdentifierException("ABA routing number '" + value + "' fails its 3-7-1 check digit");
        }
    }

    /** Validates a routing number written with spaces or hyphens. */
    public static AbaRoutingNumber parse(String text) {
        return new AbaRoutingNumber(BankText.compact(text, "ABA routing number"));
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.trilateral.taxonomy.persona;

/**
 * A key epoch of the exchange's persona-token key (scheme {@code v2-oprf-p256}): a positive integer, written in decimal
 * without leading zeros, that increases by one at each rotation. Each epoch has its own key pair; a token names the
 * epoch it was made in (docs/persona-identifiers.md §4.2).
 *
 * @param number the epoch, 1 to 999,999,999
 */
public record KeyEpoch(int number) implements Comparable<KeyEpoch> {

    /** The largest epoch: nine decimal digits keep the token form fixed. */
    public static final int MAX = 999_999_999;

    /** Refuses zero, negative and ten-digit epochs. */
    public KeyEpoch {
        if (number < 1 || number > MAX) {
            throw new InvalidPersonaIdentifierException("key epoch " + number + " is not between 1 and " + MAX);
        }
    }

    /** The epoch written in decimal without leading zeros, as in a token and in the POPRF info. */
    public static KeyEpoch parse(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
            throw new InvalidPersonaIdentifierException("key epoch '" + text + "' is not a decimal number from 1 without leading zeros");
        }
        return new KeyEpoch(Integer.parseInt(text));
    }

    /** The epoch after this one. */
    public KeyEpoch next() {
        return new KeyEpoch(number + 1);
    }

    @Override
    public int compareTo(KeyEpoch other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}

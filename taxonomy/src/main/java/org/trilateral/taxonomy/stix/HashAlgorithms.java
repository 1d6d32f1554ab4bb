package org.trilateral.taxonomy.stix;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value forms of the hash algorithms STIX 2.1 names (§10.3 hash-algorithm-ov, and the forms of
 * schemas/common/hashes-type.json) and of the further ones the OASIS pattern validator checks inside patterns
 * (stix2patterns object_validator: MD6, RIPEMD-160, SHA-224, SHA-384, SHA3-224, SHA3-384, WHIRLPOOL). An algorithm is
 * recognised by its name upper-cased without '-' and '_', so {@code sha256} and {@code SHA_256} are held to the
 * SHA-256 form too: a hash key names the algorithm that made the value (§2.7), however it is spelled.
 */
final class HashAlgorithms {

    /** One algorithm: its name as hash-algorithm-ov writes it and the form of its values. */
    record Algorithm(String name, String form, Set<Integer> hexLengths, boolean fuzzy) {

        boolean accepts(String value) {
            if (fuzzy) {
                return name.equals("SSDEEP") ? ssdeep(value) : tlsh(value);
            }
            return hexLengths.contains(value.length()) && isHex(value);
        }
    }

    private static final Map<String, Algorithm> BY_KEY = Map.ofEntries(
            hex("MD5", 32),
            hex("SHA-1", 40),
            hex("SHA-256", 64),
            hex("SHA-512", 128),
            hex("SHA3-256", 64),
            hex("SHA3-512", 128),
            hex("SHA-224", 56),
            hex("SHA-384", 96),
            hex("SHA3-224", 56),
            hex("SHA3-384", 96),
            hex("RIPEMD-160", 40),
            hex("WHIRLPOOL", 128),
            hex("MD6", 32, 40, 56, 64, 96, 128),
            Map.entry("SSDEEP", new Algorithm("SSDEEP", "1 to 128 of A-Z, a-z, 0-9, '/', '+', ':', '.'", Set.of(), true)),
            Map.entry("TLSH", new Algorithm("TLSH", "70 of A-Z, a-z, 0-9", Set.of(), true)));

    private HashAlgorithms() {
    }

    private static Map.Entry<String, Algorithm> hex(String name, int... lengths) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < lengths.length; i++) {
            form.append(i == 0 ? "" : i + 1 == lengths.length ? " or " : ", ").append(lengths[i]);
        }
        Set<Integer> accepted = new java.util.HashSet<>();
        for (int length : lengths) {
            accepted.add(length);
        }
        return Map.entry(key(name), new Algorithm(name, form + " hexadecimal digits", Set.copyOf(accepted), false));
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The algorithm a hash key names, if it is one whose values have a known form. */
    static Optional<Algorithm> named(String hashKey) {
        if (hashKey.length() > 16) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(hashKey)));
    }

    /** STIX 2.1 §2.7 / hashes-type.json: a hash key is 3 to 250 of ASCII letters, digits, '-' and '_'. */
    static boolean isValidKey(String key) {
        if (key.length() < 3 || key.length() > 250) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean ssdeep(String value) {
        if (value.isEmpty() || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '+' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean tlsh(String value) {
        if (value.length() != 70) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}

package org.trilateral.taxonomy.stix;

import java.util.Objects;
import java.util.UUID;

/**
 * A STIX identifier, {@code type--UUID} (STIX 2.1 §2.9). The type part follows the type-name rules of
 * §3.1 (lower case ASCII letters, digits and hyphens, 3 to 250 characters), starting with a letter as the OASIS
 * schemas require; the UUID part is an RFC 4122 UUID: of the RFC 4122 variant, version 1 to 5 (schemas/common/
 * identifier.json). RFC 4122 §3 reads the hex digits case-insensitively and the OASIS samples contain an upper-case
 * one, so both cases are accepted; the exchange stores and serves an identifier exactly as its publisher wrote it.
 */
public record StixId(String type, UUID uuid) {

    public StixId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uuid, "uuid");
        if (!isValidType(type)) {
            throw new IllegalArgumentException("invalid STIX type name '" + type + "'");
        }
    }

    /** Parses {@code type--uuid}; the message of the exception says what is wrong. */
    public static StixId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("identifier is missing");
        }
        int sep = text.indexOf("--");
        if (sep <= 0) {
            throw new IllegalArgumentException("identifier '" + text + "' is not of the form type--UUID");
        }
        String type = text.substring(0, sep);
        String uuid = text.substring(sep + 2);
        if (!isValidType(type)) {
            throw new IllegalArgumentException("identifier '" + text + "' has an invalid type part '" + type + "'");
        }
        if (!isUuidText(uuid)) {
            throw new IllegalArgumentException("identifier '" + text + "' has an invalid UUID part (an RFC 4122 UUID of"
                    + " version 1 to 5 required: 8-4-4-4-12 hex digits, the third group starting 1-5, the fourth 8, 9, a or b)");
        }
        return new StixId(type, UUID.fromString(uuid));
    }

    /** True when {@code text} is a well-formed identifier. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * STIX 2.1 §3.1: type names are 3-250 characters of a-z, 0-9 and hyphen, no trailing hyphen, no "--"; they start
     * with a letter (schemas/common/core.json).
     */
    public static boolean isValidType(String type) {
        if (type == null || type.length() < 3 || type.length() > 250) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (i == 0 ? !letter : !(letter || digit || c == '-') || (c == '-' && previous == '-')) {
                return false;
            }
            previous = c;
        }
        return previous != '-';
    }

    /**
     * An RFC 4122 UUID of version 1 to 5 in its 8-4-4-4-12 hex form, the variant nibble 8, 9, a or b (the same as
     * the pattern {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}}).
     */
    private static boolean isUuidText(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (i == 14) {
                if (c < '1' || c > '5') {
                    return false;
                }
            } else if (i == 19) {
                if ("89abAB".indexOf(c) < 0) {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return type + "--" + uuid;
    }
}

package org.trilateral.exchange.member;

import java.util.regex.Pattern;

/** A member's id: a lower-case slug such as {@code jp-npa}, used in URLs, configuration and the registry. */
public record MemberId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public MemberId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("member id '" + value
                    + "' is not a slug of 2-63 lower-case letters, digits and '-' starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.trilateral.exchange.member;

import java.util.Arrays;

/**
 * What a member may do. The registry is authoritative; an issuer's roles claim can only narrow a member's roles
 * (docs/identity.md).
 */
public enum Role {
    /** Read collections. */
    CONSUMER("consumer"),
    /** Write indicators and sightings. */
    PUBLISHER("publisher"),
    /** Write advisories (agencies). */
    ADVISORY_ISSUER("advisory-issuer"),
    /** Manage members through the admin API, delete objects, read every status resource. */
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The name used in JSON, tokens, configuration and the database, e.g. {@code advisory-issuer}. */
    public String value() {
        return value;
    }

    /** The role named {@code text}. */
    public static Role parse(String text) {
        return Arrays.stream(values()).filter(r -> r.value.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "', expected one of "
                        + Arrays.stream(values()).map(Role::value).toList()));
    }
}

package org.trilateral.taxonomy.vocabulary;

import java.util.Optional;

/** Observations that suggest a DPRK IT worker, as members report them in notes and sightings (vocabulary {@code tie-red-flag}). */
public enum RedFlag implements VocabularyTerm {
    PAYMENT_TO_FOREIGN_BANK("payment-to-foreign-bank", "Pay is sent to a bank in another country than the claimed residence."),
    REFUSED_LIVE_VERIFICATION("refused-live-verification", "The candidate refuses live video or in-person verification."),
    CONCURRENT_EMPLOYMENTS("concurrent-employments", "The person holds several concurrent employments."),
    LOGIN_FROM_KNOWN_FACILITATOR_IP("login-from-known-facilitator-ip", "Logins come from an IP address of a known VPN or laptop farm."),
    IDENTITY_DOCUMENT_REUSED("identity-document-reused", "The same identity document appears in several personas.");

    private final String value;
    private final String description;

    RedFlag(String value, String description) {
        this.value = value;
        this.description = description;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public String description() {
        return description;
    }

    /** The term with this value, if any. */
    public static Optional<RedFlag> fromValue(String value) {
        return VocabularyTerm.find(RedFlag.class, value);
    }
}

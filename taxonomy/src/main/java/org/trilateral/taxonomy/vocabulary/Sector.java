package org.trilateral.taxonomy.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sector a member of the exchange works in (vocabulary {@code tie-sector}): the one definition the server's
 * member registry stores (its values are the {@code member.sector} column's) and each sector's sharing group is named
 * after ({@code sector-<value>}).
 */
public enum Sector implements VocabularyTerm {
    GOVERNMENT("government", "Government agencies."),
    FREELANCE_PLATFORM("freelance-platform", "Freelance and gig-work marketplaces."),
    PAYMENT_PROVIDER("payment-provider", "Payment service providers and payroll processors."),
    CRYPTOCURRENCY_BUSINESS("cryptocurrency-business", "Cryptocurrency exchanges and other cryptocurrency businesses."),
    AI_COMPANY("ai-company", "Artificial-intelligence companies."),
    TECHNOLOGY("technology", "Technology companies: hardware, IT services and platforms, the scheme's most frequent employers."),
    SOFTWARE("software", "Software companies and software teams that hire remote developers."),
    DEFENCE("defence", "Defence industry and contractors."),
    OTHER("other", "Any other sector.");

    private final String value;
    private final String description;

    Sector(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The name used in objects, JSON, configuration and the database, e.g. {@code payment-provider}. */
    @Override
    public String value() {
        return value;
    }

    @Override
    public String description() {
        return description;
    }

    /** The term with this value, if any. */
    public static Optional<Sector> fromValue(String value) {
        return VocabularyTerm.find(Sector.class, value);
    }

    /**
     * The sector named {@code text}.
     *
     * @throws IllegalArgumentException naming the sectors there are
     */
    public static Sector parse(String text) {
        return fromValue(text).orElseThrow(() -> new IllegalArgumentException("unknown sector '" + text
                + "', expected one of " + Arrays.stream(values()).map(Sector::value).toList()));
    }
}

package org.trilateral.taxonomy.vocabulary;

import java.util.Optional;

/** Sectors of the exchange's seed members and of the targets of the scheme (vocabulary {@code tie-sector}). */
public enum Sector implements VocabularyTerm {
    TECHNOLOGY_SOFTWARE_DEVELOPMENT("technology-software-development", "Technology and software development companies."),
    CRYPTOCURRENCY_FINTECH("cryptocurrency-fintech", "Cryptocurrency businesses and financial technology."),
    DEFENCE("defence", "Defence industry and contractors."),
    FREELANCE_PLATFORMS("freelance-platforms", "Freelance and gig-work marketplaces."),
    PAYMENT_PROVIDERS("payment-providers", "Payment service providers and payroll processors."),
    AI_COMPANIES("ai-companies", "Artificial-intelligence companies.");

    private final String value;
    private final String description;

    Sector(String value, String description) {
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
    public static Optional<Sector> fromValue(String value) {
        return VocabularyTerm.find(Sector.class, value);
    }
}

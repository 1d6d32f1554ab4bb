package org.trilateral.taxonomy.vocabulary;

import java.util.Optional;

/** Kinds of infrastructure that facilitate the scheme, the {@code facilitator_kind} of the facilitator-infrastructure extension (vocabulary {@code tie-facilitator-kind}). */
public enum FacilitatorKind implements VocabularyTerm {
    LAPTOP_FARM("laptop-farm", "A location hosting company-issued laptops that workers operate remotely."),
    VPN_EXIT("vpn-exit", "A VPN or proxy exit node that hides the worker's location."),
    REMOTE_ACCESS_TOOL("remote-access-tool", "A remote-access tool (or its relay) used to operate a device from abroad."),
    FRONT_COMPANY("front-company", "A company used to hire out, pay or disguise the workers.");

    private final String value;
    private final String description;

    FacilitatorKind(String value, String description) {
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
    public static Optional<FacilitatorKind> fromValue(String value) {
        return VocabularyTerm.find(FacilitatorKind.class, value);
    }
}

package org.trilateral.taxonomy.vocabulary;

import java.util.Optional;

/** What an exchange indicator points at; written as a label of the indicator (vocabulary {@code tie-indicator-kind}). */
public enum IndicatorKind implements VocabularyTerm {
    PAYROLL_WALLET("payroll-wallet", "A cryptocurrency wallet that received wages or payments of a suspected IT worker."),
    PERSONA_IDENTIFIER("persona-identifier", "A hashed or tokenised identifier (email, phone, name and date of birth, document, username, photo) of a suspected fake persona."),
    LAPTOP_FARM_NETWORK("laptop-farm-network", "An IP address or network of a laptop farm hosting company-issued devices."),
    VPN_EXIT("vpn-exit", "An IP address or network of a VPN or proxy exit used to hide the worker's location."),
    REMOTE_ACCESS_TOOL("remote-access-tool", "A remote-access tool or its infrastructure used to operate a company-issued device from abroad."),
    FRONT_COMPANY("front-company", "A company that hires out or pays DPRK IT workers under another name."),
    PAYROLL_ACCOUNT("payroll-account", "A bank or payment-platform account (tokenised) that received wages or payments of a suspected IT worker."),
    SHIPPING_ADDRESS("shipping-address", "A postal address (tokenised) that company-issued devices of a suspected IT worker were shipped to."),
    LAPTOP_FARM_DEVICE("laptop-farm-device", "A company-issued device, by manufacturer and serial number, found at or shipped to a laptop farm.");

    private final String value;
    private final String description;

    IndicatorKind(String value, String description) {
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
    public static Optional<IndicatorKind> fromValue(String value) {
        return VocabularyTerm.find(IndicatorKind.class, value);
    }
}

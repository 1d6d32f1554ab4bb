package org.trilateral.exchange.collection;

/**
 * What a collection accepts of persona data ({@code exchange.collections[].personas}; docs/persona-identifiers.md §6).
 */
public enum PersonaPolicy {
    /** Persona values are not looked for. */
    ANY,
    /**
     * Personas only as {@code persona-identifier} digests: an object holding a raw persona value the exchange can tell
     * (an email address, an international phone number, an email-addr or user-account observable, a pattern comparing
     * one) is refused, each on its own, with the property named.
     */
    HASHED_ONLY
}

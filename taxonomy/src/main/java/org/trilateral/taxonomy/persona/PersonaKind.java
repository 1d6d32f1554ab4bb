package org.trilateral.taxonomy.persona;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a persona identifier identifies. The value is the string written in the tagged form and in the
 * {@code kind} property of a {@code persona-identifier} observable; docs/persona-identifiers.md gives each
 * kind's normalisation.
 */
public enum PersonaKind {
    EMAIL("email"),
    PHONE("phone"),
    /** A name in its native script, always with a date of birth. */
    NAME_DOB_NATIVE("name-dob-native"),
    /** A name as spelled in a passport's machine-readable zone (ICAO 9303), always with a date of birth. */
    NAME_DOB_PASSPORT("name-dob-passport"),
    IDENTITY_DOCUMENT("identity-document"),
    /** A username on a named platform; the platform is part of the identifier. */
    USERNAME("username"),
    /** A 64-bit perceptual hash of a profile photo. */
    PHOTO_PHASH("photo-phash"),
    /** A bank account: IBAN, US routing and account number, or BIC and account number. */
    BANK_ACCOUNT("bank-account"),
    /** An account on a payment platform (PayPal, Payoneer, Wise), written {@code platform:account}. */
    PAYMENT_ACCOUNT("payment-account"),
    /** A postal address, such as one company laptops were shipped to. */
    POSTAL_ADDRESS("postal-address");

    private final String value;

    PersonaKind(String value) {
        this.value = value;
    }

    /** The vocabulary value. */
    public String value() {
        return value;
    }

    /** The kind with this vocabulary value, if any. */
    public static Optional<PersonaKind> fromValue(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}

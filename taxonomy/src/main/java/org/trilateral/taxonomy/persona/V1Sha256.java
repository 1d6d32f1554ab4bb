package org.trilateral.taxonomy.persona;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Scheme {@code v1-sha256}: SHA-256 (FIPS 180-4) of the UTF-8 tagged form, written as 64 lower-case hex digits.
 * Anyone holding a candidate value can test it, so this scheme suits matching among members, not publication
 * to outsiders.
 */
public final class V1Sha256 implements PersonaHashScheme {

    /** The scheme name. */
    public static final String NAME = "v1-sha256";

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PersonaDigest digest(TaggedIdentifier identifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identifier.taggedBytes());
            return new PersonaDigest(identifier.kind(), identifier.platform(), NAME, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public Pattern digestForm() {
        return FORM;
    }

    @Override
    public String digestFormDescription() {
        return "64 lower-case hex digits (SHA-256)";
    }
}

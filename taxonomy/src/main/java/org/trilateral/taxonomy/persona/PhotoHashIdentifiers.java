package org.trilateral.taxonomy.persona;

import java.util.regex.Pattern;

/**
 * Profile photos, by 64-bit perceptual hash (docs/persona-identifiers.md, "profile photos"): 16 hex digits,
 * lower case, optional {@code 0x} removed. Hashing the perceptual hash again keeps only exact matches.
 */
public final class PhotoHashIdentifiers {

    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    private PhotoHashIdentifiers() {
    }

    /** @param perceptualHash the 64-bit perceptual hash as 16 hex digits, optionally prefixed 0x */
    public static TaggedIdentifier normalise(String perceptualHash) {
        String text = NormalisationSteps.lower(NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(perceptualHash, "perceptual hash"))));
        if (text.startsWith("0x")) {
            text = text.substring(2);
        }
        if (!HEX16.matcher(text).matches()) {
            throw new InvalidPersonaIdentifierException("perceptual hash '" + perceptualHash + "' must be 16 hex digits (64 bits)");
        }
        return new TaggedIdentifier(PersonaKind.PHOTO_PHASH, null, text);
    }
}

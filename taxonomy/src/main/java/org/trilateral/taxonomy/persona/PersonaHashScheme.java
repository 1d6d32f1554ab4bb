package org.trilateral.taxonomy.persona;

/**
 * A scheme whose digest anyone can compute from the tagged identifier alone, such as {@link V1Sha256}. Because anyone
 * can, anyone holding a digest can also test guesses against it (docs/persona-identifiers.md §6).
 */
public interface PersonaHashScheme extends PersonaScheme {

    /** The digest of one tagged identifier. */
    PersonaDigest digest(TaggedIdentifier identifier);
}

package org.trilateral.taxonomy.persona;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised persona identifier with its kind: the input of every hash scheme. Its {@link #taggedForm()} is
 * {@code tie-persona|v1|<kind>|<normalised>}, or {@code tie-persona|v1|username|<platform>|<normalised>} for
 * usernames, encoded as UTF-8. The tag makes digests of different kinds (and of later normalisation versions)
 * different even when the normalised values are equal.
 *
 * @param kind what the identifier identifies
 * @param platform the platform of a username (a lower-case host-like name), null for every other kind
 * @param normalised the normalised value (docs/persona-identifiers.md)
 */
public record TaggedIdentifier(PersonaKind kind, String platform, String normalised) {

    /** The version of the normalisation rules; part of the tagged form. */
    public static final String NORMALISATION_VERSION = "v1";

    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?");

    /** Refuses an empty value, and a platform that is missing on a username or present on another kind. */
    public TaggedIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(normalised, "normalised");
        if (normalised.isEmpty()) {
            throw new InvalidPersonaIdentifierException(kind.value() + " identifier is empty after normalisation");
        }
        if (kind == PersonaKind.USERNAME) {
            if (platform == null || !PLATFORM.matcher(platform).matches()) {
                throw new InvalidPersonaIdentifierException("username platform '" + platform
                        + "' must be lower-case letters, digits, '.' and '-' (for example 'github' or 'linkedin')");
            }
        } else if (platform != null) {
            throw new InvalidPersonaIdentifierException("only a username has a platform, not a " + kind.value());
        }
    }

    /** The platform of a username. */
    public Optional<String> platformName() {
        return Optional.ofNullable(platform);
    }

    /** The documented string that is hashed: {@code tie-persona|v1|kind|[platform|]normalised}. */
    public String taggedForm() {
        String prefix = "tie-persona|" + NORMALISATION_VERSION + "|" + kind.value() + "|";
        return platform == null ? prefix + normalised : prefix + platform + "|" + normalised;
    }

    /** The UTF-8 bytes of {@link #taggedForm()}. */
    public byte[] taggedBytes() {
        return taggedForm().getBytes(StandardCharsets.UTF_8);
    }
}

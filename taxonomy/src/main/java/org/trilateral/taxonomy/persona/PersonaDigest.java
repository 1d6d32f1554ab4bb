package org.trilateral.taxonomy.persona;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.trilateral.taxonomy.stix.DeterministicId;
import org.trilateral.taxonomy.stix.StixId;

/**
 * A hashed persona identifier as members publish it: never the raw value.
 *
 * @param kind what was hashed
 * @param platform the platform of a username, null otherwise
 * @param scheme the name of the hash scheme
 * @param digest the digest, in the scheme's form
 */
public record PersonaDigest(PersonaKind kind, String platform, String scheme, String digest) {

    /** The STIX type of the persona observable. */
    public static final String STIX_TYPE = "persona-identifier";

    /** Refuses an unknown scheme, a digest not in the scheme's form, and a platform on anything but a username. */
    public PersonaDigest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(digest, "digest");
        PersonaScheme known = PersonaHashSchemes.byName(scheme).orElseThrow(() ->
                new InvalidPersonaIdentifierException("unknown hash scheme '" + scheme + "', known: " + PersonaHashSchemes.names()));
        if (!known.digestForm().matcher(digest).matches()) {
            throw new InvalidPersonaIdentifierException("digest of scheme " + scheme + " must be " + known.digestFormDescription());
        }
        if ((kind == PersonaKind.USERNAME) != (platform != null)) {
            throw new InvalidPersonaIdentifierException(kind == PersonaKind.USERNAME
                    ? "a username digest needs its platform" : "only a username digest has a platform");
        }
    }

    /**
     * The deterministic id of the {@code persona-identifier} observable (STIX 2.1 §2.9): UUIDv5 over the canonical
     * JSON of kind, scheme, digest, and platform for usernames.
     */
    public StixId stixId() {
        Map<String, String> contributing = new LinkedHashMap<>();
        contributing.put("kind", kind.value());
        contributing.put("scheme", scheme);
        contributing.put("digest", digest);
        if (platform != null) {
            contributing.put("platform", platform);
        }
        return DeterministicId.of(STIX_TYPE, contributing);
    }
}

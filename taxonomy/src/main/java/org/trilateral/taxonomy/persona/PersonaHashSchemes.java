package org.trilateral.taxonomy.persona;

import java.util.List;
import java.util.Optional;

/** The schemes the exchange accepts in {@code persona-identifier} observables. */
public final class PersonaHashSchemes {

    private static final List<PersonaScheme> KNOWN = List.of(new V1Sha256(), V2OprfP256.SCHEME);

    private PersonaHashSchemes() {
    }

    /** The scheme with this name, if the exchange knows it. */
    public static Optional<PersonaScheme> byName(String name) {
        return KNOWN.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names of all known schemes. */
    public static List<String> names() {
        return KNOWN.stream().map(PersonaScheme::name).toList();
    }
}

package org.trilateral.taxonomy.persona;

import java.util.List;
import java.util.Optional;

/** The hash schemes the exchange accepts in {@code persona-identifier} observables. */
public final class PersonaHashSchemes {

    private static final List<PersonaHashScheme> KNOWN = List.of(new V1Sha256());

    private PersonaHashSchemes() {
    }

    /** The scheme with this name, if the exchange knows it. */
    public static Optional<PersonaHashScheme> byName(String name) {
        return KNOWN.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The names of all known schemes. */
    public static List<String> names() {
        return KNOWN.stream().map(PersonaHashScheme::name).toList();
    }
}

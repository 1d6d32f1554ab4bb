package org.trilateral.exchange.collection;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.Role;

/**
 * One collection of the API root: its TAXII id, alias and description, the roles that may read and write it,
 * whether it accepts unsigned objects ({@code accept-unsigned}, default false; docs/integrity.md §7) and raw persona
 * values ({@code personas}, default any; docs/persona-identifiers.md §6), and the persona schemes new objects may use
 * ({@code persona-schemes}; docs/persona-identifiers.md §4.4).
 */
public record TaxiiCollection(String id, String alias, String title, String description, List<String> mediaTypes,
                              Set<Role> readRoles, Set<Role> writeRoles, boolean acceptUnsigned, PersonaPolicy personas,
                              Set<String> personaSchemes) {

    public TaxiiCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(personas, "personas");
        mediaTypes = List.copyOf(mediaTypes);
        readRoles = Set.copyOf(readRoles);
        writeRoles = Set.copyOf(writeRoles);
        personaSchemes = Set.copyOf(personaSchemes);
    }

    /** TAXII 2.1 §5.2 {@code can_read} for this member: it has one of the read roles. */
    public boolean canRead(Member member) {
        return !Collections.disjoint(member.roles(), readRoles);
    }

    /** TAXII 2.1 §5.2 {@code can_write} for this member: it has one of the write roles. */
    public boolean canWrite(Member member) {
        return !Collections.disjoint(member.roles(), writeRoles);
    }
}

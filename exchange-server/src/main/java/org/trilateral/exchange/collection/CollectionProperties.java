package org.trilateral.exchange.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.persona.PersonaHashSchemes;

/**
 * The exchange's collections ({@code exchange.collections}). The defaults in {@code application.yaml} are
 * {@code indicators} (member submissions), {@code advisories} (agency broadcasts) and {@code sightings}; a
 * configured list replaces them. Who may read and write each is configured with it ({@code read-roles},
 * {@code write-roles}; docs/identity.md).
 */
@Validated
@ConfigurationProperties("exchange")
public record CollectionProperties(@NotEmpty List<@Valid Collection> collections) {

    public CollectionProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    /**
     * @param id          the collection's TAXII identifier (a UUID)
     * @param alias       a short name, unique among collections, usable in place of the id in URLs
     * @param title       title shown to clients
     * @param description description shown to clients
     * @param mediaTypes  media types of the objects it holds (default {@code application/stix+json;version=2.1})
     * @param readRoles   roles any one of which lets a member read it (default {@code consumer})
     * @param writeRoles  roles any one of which lets a member add objects to it (default {@code publisher})
     * @param acceptUnsigned whether objects without any signature are accepted (default false: every object must
     *                    carry its publisher's signature; a signature that is there is checked either way)
     * @param personas    {@code hashed-only} to refuse objects holding raw persona values, {@code any} (the default)
     *                    not to look for them; {@code application.yaml} sets {@code hashed-only} on {@code indicators}
     *                    and {@code sightings}
     * @param personaSchemes the persona schemes new objects may use (default {@code v1-sha256} and
     *                    {@code v2-oprf-p256}); a collection switched to {@code [v2-oprf-p256]} refuses new
     *                    {@code v1-sha256} digests and keeps serving those it holds (docs/persona-identifiers.md §4.4)
     */
    public record Collection(
            @NotNull UUID id,
            @NotBlank String alias,
            @NotBlank String title,
            @DefaultValue("") String description,
            @DefaultValue("application/stix+json;version=2.1") List<String> mediaTypes,
            @DefaultValue("consumer") Set<Role> readRoles,
            @DefaultValue("publisher") Set<Role> writeRoles,
            @DefaultValue("false") boolean acceptUnsigned,
            @DefaultValue("any") @NotNull PersonaPolicy personas,
            @DefaultValue({"v1-sha256", "v2-oprf-p256"}) Set<String> personaSchemes) {

        public Collection {
            mediaTypes = List.copyOf(mediaTypes);
            personaSchemes = Set.copyOf(personaSchemes);
            for (String scheme : personaSchemes) {
                if (PersonaHashSchemes.byName(scheme).isEmpty()) {
                    throw new IllegalArgumentException("collection '" + alias + "': persona scheme '" + scheme
                            + "' is not one of " + PersonaHashSchemes.names());
                }
            }
            readRoles = Set.copyOf(readRoles);
            writeRoles = Set.copyOf(writeRoles);
        }
    }
}

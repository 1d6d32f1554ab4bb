package org.trilateral.exchange.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The exchange's collections ({@code exchange.collections}). The defaults in {@code application.yaml} are
 * {@code indicators} (member submissions), {@code advisories} (agency broadcasts) and {@code sightings}; a
 * configured list replaces them.
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
     * @param writable    whether clients may add or delete objects (default true); the reference collection, which
     *                    the exchange fills itself, is not
     */
    public record Collection(
            @NotNull UUID id,
            @NotBlank String alias,
            @NotBlank String title,
            @DefaultValue("") String description,
            @DefaultValue("application/stix+json;version=2.1") List<String> mediaTypes,
            @DefaultValue("true") boolean writable) {

        public Collection {
            mediaTypes = List.copyOf(mediaTypes);
        }
    }
}

package org.trilateral.exchange.reference;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reference data ({@code exchange.reference.*}).
 *
 * @param collection  alias of the collection the reference objects are loaded into (default {@code reference})
 * @param loadOnStart load them at every start (default true); already-stored versions are left as they are
 */
@Validated
@ConfigurationProperties("exchange.reference")
public record ReferenceProperties(@DefaultValue("reference") @NotBlank String collection,
                                  @DefaultValue("true") boolean loadOnStart) {
}

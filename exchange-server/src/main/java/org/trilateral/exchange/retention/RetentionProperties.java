package org.trilateral.exchange.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code exchange.retention}. No rule (the default): nothing is ever removed by the exchange itself.
 *
 * @param interval  how often the rules run (default 1h; also once shortly after start)
 * @param batchSize objects removed per rule and transaction, at most (default 500)
 * @param rules     what to remove, per collection
 */
@Validated
@ConfigurationProperties("exchange.retention")
public record RetentionProperties(@DefaultValue("1h") @NotNull Duration interval,
                                  @DefaultValue("500") @Positive int batchSize,
                                  @DefaultValue List<@Valid Rule> rules) {

    public RetentionProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * Objects of {@code types} in {@code collection} whose current version's {@code valid_until} is more than
     * {@code expiredAfter} in the past are removed, every version of them.
     *
     * @param collection   a collection id or alias
     * @param types        STIX types the rule applies to (default {@code indicator}, the type with {@code valid_until})
     * @param expiredAfter how long after its {@code valid_until} an object is kept, e.g. {@code 30d}
     */
    public record Rule(@NotBlank String collection, @DefaultValue("indicator") @NotEmpty Set<String> types,
                       @NotNull Duration expiredAfter) {

        public Rule {
            types = Set.copyOf(types);
        }
    }
}

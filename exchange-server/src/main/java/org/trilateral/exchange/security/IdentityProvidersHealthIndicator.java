package org.trilateral.exchange.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Health component {@code identityProviders}: UP when every trusted issuer's key set is fresh (fetched within
 * {@code exchange.security.jwks-max-age}; a stale one is refetched first), DOWN naming the issuers whose keys could not
 * be fetched. The development issuer holds its key in memory and is always fresh.
 */
@Component
class IdentityProvidersHealthIndicator implements ReactiveHealthIndicator {

    private final TrustedIssuers issuers;
    private final SecurityProperties settings;
    private final Clock clock;

    IdentityProvidersHealthIndicator(TrustedIssuers issuers, SecurityProperties settings, Clock clock) {
        this.issuers = issuers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(issuers.all())
                .concatMap(issuer -> state(issuer).map(state -> Map.entry(issuer.name(), state)))
                .collectList()
                .map(states -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    boolean fresh = true;
                    for (Map.Entry<String, String> state : states) {
                        details.put(state.getKey(), state.getValue());
                        fresh &= state.getValue().startsWith("fresh");
                    }
                    return (fresh ? Health.up() : Health.down()).withDetails(details).build();
                });
    }

    private Mono<String> state(TrustedIssuer issuer) {
        if (issuer.keysFetched() == null) {
            return Mono.just("fresh (keys held by the exchange)");
        }
        return issuer.keysFetched().get()
                .timeout(settings.providerTimeout().multipliedBy(3), Mono.just(Instant.MIN))
                .map(fetched -> {
                    if (fetched.equals(Instant.MIN)) {
                        return "stale: its key set could not be fetched";
                    }
                    return fetched.plus(settings.jwksMaxAge()).isAfter(clock.instant())
                            ? "fresh (fetched " + fetched + ")"
                            : "stale: last fetched " + fetched + ", older than " + settings.jwksMaxAge();
                });
    }
}

package org.trilateral.exchange.security;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import org.springframework.security.authentication.ReactiveAuthenticationManager;

/**
 * One issuer the exchange accepts tokens from, with the authentication manager that verifies its tokens and
 * maps them to members.
 *
 * @param issuerUri   the exact {@code iss} value of its tokens
 * @param keysFetched when its key set was last fetched, after refetching it if it is older than the maximum age;
 *                    null for an issuer whose keys the exchange holds itself (always fresh)
 */
public record TrustedIssuer(String name, String issuerUri, ReactiveAuthenticationManager authentication,
                            Supplier<Mono<Instant>> keysFetched) {

    public TrustedIssuer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuerUri, "issuerUri");
        Objects.requireNonNull(authentication, "authentication");
    }

    public TrustedIssuer(String name, String issuerUri, ReactiveAuthenticationManager authentication) {
        this(name, issuerUri, authentication, null);
    }
}

package org.trilateral.exchange.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One issuer's signing keys (RFC 7517 key set), fetched over HTTP without blocking. The key set URI comes from
 * configuration or from OIDC Discovery 1.0 §4 on first use, so the exchange starts while a provider is down.
 * <ul>
 *   <li>A token whose key id is not in the cached set triggers one refetch (rate-limited): a provider's key
 *       rotation is followed without a restart; a key id unknown after the refetch finds no key, so the token
 *       is refused.</li>
 *   <li>A set older than the maximum age is refetched before use, so a key the provider withdrew stops working.</li>
 *   <li>A failed fetch keeps the cached keys: a provider that is down does not stop tokens whose keys are known.</li>
 * </ul>
 * Never emits an error: no key is the answer when none can be found, and the decoder refuses the token.
 */
final class RemoteKeySet implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RemoteKeySet.class);

    private final String issuerName;
    private final String issuerUri;
    private final URI configuredJwkSetUri;
    private final WebClient web;
    private final Duration timeout;
    private final Duration minRefetchInterval;
    private final Duration maxAge;
    private final Clock clock;

    private final AtomicReference<Cached> cached = new AtomicReference<>(new Cached(new JWKSet(), Instant.MIN));
    private volatile URI discoveredJwkSetUri;
    private volatile Instant lastAttempt = Instant.MIN;

    RemoteKeySet(SecurityProperties.Issuer issuer, SecurityProperties settings, WebClient web, Clock clock) {
        this.issuerName = issuer.name();
        this.issuerUri = issuer.issuerUri();
        this.configuredJwkSetUri = issuer.jwkSetUri();
        this.web = web;
        this.timeout = settings.providerTimeout();
        this.minRefetchInterval = settings.jwksMinRefetchInterval();
        this.maxAge = settings.jwksMaxAge();
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        Cached current = cached.get();
        List<JWK> known = selector.select(current.keys());
        boolean stale = current.fetched().plus(maxAge).isBefore(clock.instant());
        if (!known.isEmpty() && !stale) {
            return Flux.fromIterable(known);
        }
        return refetch().map(selector::select).flatMapMany(Flux::fromIterable);
    }

    /**
     * When the key set was last fetched ({@link Instant#MIN} if never), after a refetch if it is older than the
     * maximum age: what the readiness probe reports.
     */
    Mono<Instant> freshFetchTime() {
        Cached current = cached.get();
        if (!current.fetched().plus(maxAge).isBefore(clock.instant())) {
            return Mono.just(current.fetched());
        }
        return refetch().then(Mono.fromSupplier(() -> cached.get().fetched()));
    }

    /** The maximum age of a usable key set. */
    Duration maxAge() {
        return maxAge;
    }

    /** The key set after a refetch, or the cached one when a refetch is not due or fails. */
    private Mono<JWKSet> refetch() {
        Instant now = clock.instant();
        if (lastAttempt.plus(minRefetchInterval).isAfter(now)) {
            return Mono.just(cached.get().keys());
        }
        lastAttempt = now;
        return jwkSetUri()
                .flatMap(uri -> web.get().uri(uri).retrieve().bodyToMono(String.class).timeout(timeout))
                .map(text -> {
                    try {
                        return JWKSet.parse(text);
                    } catch (ParseException e) {
                        throw new IllegalStateException("the key set is not a JWK set: " + e.getMessage(), e);
                    }
                })
                .doOnNext(keys -> {
                    cached.set(new Cached(keys, clock.instant()));
                    log.info("Fetched {} signing key(s) of issuer '{}'", keys.getKeys().size(), issuerName);
                })
                .onErrorResume(e -> {
                    log.warn("Could not fetch the signing keys of issuer '{}' ({}); keeping the {} known key(s)",
                            issuerName, e.getMessage(), cached.get().keys().getKeys().size());
                    return Mono.just(cached.get().keys());
                });
    }

    private Mono<URI> jwkSetUri() {
        if (configuredJwkSetUri != null) {
            return Mono.just(configuredJwkSetUri);
        }
        URI discovered = discoveredJwkSetUri;
        if (discovered != null) {
            return Mono.just(discovered);
        }
        String location = issuerUri.endsWith("/") ? issuerUri + ".well-known/openid-configuration"
                : issuerUri + "/.well-known/openid-configuration";
        return web.get().uri(location).retrieve().bodyToMono(String.class).timeout(timeout)
                .map(text -> {
                    JsonNode metadata = StixJson.mapper().readTree(text);
                    // OIDC Discovery 1.0 §4.3: the issuer in the metadata must be exactly the one it was fetched for.
                    if (!issuerUri.equals(metadata.path("issuer").asString(""))) {
                        throw new IllegalStateException("discovery document names issuer '" + metadata.path("issuer").asString("")
                                + "', not '" + issuerUri + "'");
                    }
                    String jwks = metadata.path("jwks_uri").asString("");
                    if (jwks.isBlank()) {
                        throw new IllegalStateException("discovery document has no jwks_uri");
                    }
                    URI uri = URI.create(jwks);
                    discoveredJwkSetUri = uri;
                    return uri;
                });
    }

    private record Cached(JWKSet keys, Instant fetched) {
    }
}

package org.trilateral.exchange.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.member.MemberStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The explicit map from issuer ({@code iss}) to authentication manager. A token whose issuer is not in the map is
 * refused before anything about it is fetched or verified: the exchange never trusts "any issuer".
 */
public final class TrustedIssuers {

    private final Map<String, TrustedIssuer> byIssuerUri = new LinkedHashMap<>();

    TrustedIssuers(List<TrustedIssuer> issuers) {
        for (TrustedIssuer issuer : issuers) {
            if (byIssuerUri.putIfAbsent(issuer.issuerUri(), issuer) != null) {
                throw new IllegalStateException("issuer '" + issuer.issuerUri() + "' is trusted twice");
            }
        }
    }

    /** The issuers, in configuration order. */
    public List<TrustedIssuer> all() {
        return List.copyOf(byIssuerUri.values());
    }

    /** The resolver the bearer-token filter uses: the token's {@code iss} picks the manager, or the token is refused. */
    JwtIssuerReactiveAuthenticationManagerResolver resolver() {
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> {
            TrustedIssuer trusted = byIssuerUri.get(issuer);
            return trusted == null
                    ? Mono.error(new InvalidBearerTokenException("the token's issuer is not one this exchange trusts"))
                    : Mono.just(trusted.authentication());
        });
    }

    /** An issuer whose keys are fetched from its key set URI (configured, or found by OIDC discovery). */
    static TrustedIssuer remote(SecurityProperties.Issuer issuer, SecurityProperties settings, MemberStore members,
                                WebClient web, Clock clock) {
        RemoteKeySet keys = new RemoteKeySet(issuer, settings, web, clock);
        TrustedIssuer trusted = withKeys(issuer, settings, members, keys, clock, null);
        return new TrustedIssuer(trusted.name(), trusted.issuerUri(), trusted.authentication(), keys::freshFetchTime);
    }

    /**
     * An issuer whose keys the exchange holds itself (the development identity provider).
     *
     * @param unknownKeyReason the 401's reason for a token signed by a key the issuer no longer holds (its keys are
     *                         made at each start, so such a token is from before a restart)
     */
    public static TrustedIssuer local(SecurityProperties.Issuer issuer, SecurityProperties settings, MemberStore members,
                                      List<JWK> publicKeys, Clock clock, String unknownKeyReason) {
        return withKeys(issuer, settings, members, jwt -> Flux.fromIterable(publicKeys), clock, unknownKeyReason);
    }

    private static TrustedIssuer withKeys(SecurityProperties.Issuer issuer, SecurityProperties settings,
                                          MemberStore members, Function<SignedJWT, Flux<JWK>> keys, Clock clock,
                                          String unknownKeyReason) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
                decoder(issuer, settings, keys, clock, unknownKeyReason));
        manager.setJwtAuthenticationConverter(new MemberTokenConverter(issuer, members));
        return new TrustedIssuer(issuer.name(), issuer.issuerUri(), manager);
    }

    /** The issuer's decoder: asymmetric algorithms only; issuer, audience, expiry and not-before checked with the clock skew. */
    static AccessTokenDecoder decoder(SecurityProperties.Issuer issuer, SecurityProperties settings,
                                      Function<SignedJWT, Flux<JWK>> keys, Clock clock) {
        return decoder(issuer, settings, keys, clock, null);
    }

    private static AccessTokenDecoder decoder(SecurityProperties.Issuer issuer, SecurityProperties settings,
                                              Function<SignedJWT, Flux<JWK>> keys, Clock clock, String unknownKeyReason) {
        // The builder takes one algorithm; the key selector is replaced by one that accepts each allowed algorithm.
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(AccessTokenDecoder.ALLOWED, new JWKSecurityContextJWKSet())))
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(issuer.issuerUri()),
                new AccessTokenClaimsValidator(issuer.audience())));
        return new AccessTokenDecoder(issuer.name(), nimbus, unknownKeyReason);
    }
}

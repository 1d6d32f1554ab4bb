package org.trilateral.exchange.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.error.ErrorSurface;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.taxii.TaxiiProperties;

/**
 * One security filter chain per surface, each with its matcher, tried in order: TAXII (discovery and the API
 * root), the admin API, the development token endpoint (only in development mode, {@code DevIdentityProvider}),
 * and last a chain that denies everything else, so no route can escape authentication. Every chain is stateless:
 * each request is authenticated from its own bearer token and the member is read from the registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    TrustedIssuers trustedIssuers(SecurityProperties properties, MemberStore members, ObjectProvider<TrustedIssuer> local,
                                  Clock clock) {
        WebClient web = WebClient.create();
        List<TrustedIssuer> issuers = new ArrayList<>();
        properties.issuers().forEach(issuer ->
                issuers.add(TrustedIssuers.remote(issuer, properties, members, web, clock)));
        local.orderedStream().forEach(issuers::add);
        if (issuers.isEmpty()) {
            // Closed by default: no issuer means no member can ever be authenticated, and development mode is never
            // a fallback.
            throw new IllegalStateException("no identity provider is configured: set exchange.security.issuers to the"
                    + " national identity providers to trust (docs/identity.md), or, on a development machine only,"
                    + " enable development mode explicitly with exchange.dev.enabled=true (the dev profile:"
                    + " ./mvnw -pl exchange-server -am spring-boot:run -Dspring-boot.run.profiles=dev)");
        }
        return new TrustedIssuers(issuers);
    }

    @Bean
    RefusalMetrics refusalMetrics(MeterRegistry registry) {
        return new RefusalMetrics(registry);
    }

    @Bean
    AudiencePolicy audiencePolicy(SecurityProperties properties) {
        return new AudiencePolicy(properties.defaultTlp());
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain taxiiSecurity(ServerHttpSecurity http, TrustedIssuers issuers, TaxiiProperties taxii,
                                         CollectionRegistry collections, RefusalMetrics metrics) {
        String root = "/" + taxii.apiRoot().path();
        SecurityErrors errors = new SecurityErrors(ErrorSurface.TAXII, null).countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/taxii2", "/taxii2/**", root, root + "/**"))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(root + "/collections/{collectionId}/objects/**",
                                root + "/collections/{collectionId}/manifest/**")
                        .access(new CollectionAuthorization(collections))
                        .anyExchange().authenticated()), issuers, errors)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain adminSecurity(ServerHttpSecurity http, TrustedIssuers issuers, RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null,
                "the admin API needs the '" + Role.ADMIN.value() + "' role, which this member does not have")
                .countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/admin", "/admin/**"))
                .authorizeExchange(exchange -> exchange.anyExchange().hasRole(Role.ADMIN.value())), issuers, errors)
                .build();
    }

    /**
     * The surfaces for members outside TAXII: the taxonomy as plain JSON, the transparency log (whose read paths apply
     * the read rule themselves) a member's own keys and the API description. Any active member reaches them; nothing is reachable without
     * a token from a trusted issuer.
     */
    @Bean
    @Order(3)
    SecurityWebFilterChain memberReadSecurity(ServerHttpSecurity http, TrustedIssuers issuers, RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null).countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(new OrServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/taxonomy", "/taxonomy/**", "/.well-known/**",
                                "/openapi.yaml"),
                        ServerWebExchangeMatchers.pathMatchers("/log/**", "/members/me", "/members/me/**")))
                .authorizeExchange(exchange -> exchange.anyExchange().authenticated()), issuers, errors)
                .build();
    }

    /**
     * The actuator (docs/operations.md): the health probes open to all, for orchestrators that send no token; metrics
     * and the rest to anyone on the management port when one is configured, else to admins.
     */
    @Bean
    @Order(4)
    SecurityWebFilterChain actuatorSecurity(ServerHttpSecurity http, TrustedIssuers issuers, Environment environment,
                                            RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null,
                "the actuator needs the '" + Role.ADMIN.value() + "' role, or a request on the management port")
                .countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().access(new ActuatorAuthorization(environment))), issuers, errors)
                .build();
    }

    /**
     * The members' services outside TAXII: persona-token evaluation, screening and the staff registration of
     * concurrent employment. Any active member may call them;
     * what each answers is limited by the feature itself (evaluation quotas, read rules).
     */
    @Bean
    @Order(5)
    SecurityWebFilterChain memberServicesSecurity(ServerHttpSecurity http, TrustedIssuers issuers) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.matchers(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/oprf/**", "/screening", "/screening/**"),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.PUT, "/screening/staff")))
                .authorizeExchange(exchange -> exchange.anyExchange().authenticated()), issuers, errors)
                .build();
    }

    /**
     * The change feed and streams (docs/delivery.md): reading needs a read role of the named collection, or of at least
     * one collection; what each answers is limited by the read rule, in the feature itself.
     */
    @Bean
    @Order(6)
    SecurityWebFilterChain changeFeedSecurity(ServerHttpSecurity http, TrustedIssuers issuers,
                                              CollectionRegistry collections, RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null).countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/changes", "/changes/**"))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.GET, "/changes", "/changes/stream")
                        .access(new ChangeFeedAuthorization(collections))
                        .anyExchange().denyAll()), issuers, errors)
                .build();
    }

    /**
     * Advisories (docs/delivery.md): a read role of the advisory collection is needed; which advisories and receipts a
     * member sees is decided by the read rule, in the feature itself.
     */
    @Bean
    @Order(7)
    SecurityWebFilterChain advisorySecurity(ServerHttpSecurity http, TrustedIssuers issuers, CollectionRegistry collections,
                                            org.trilateral.exchange.advisory.AdvisoryProperties advisories,
                                            RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null).countedIn(metrics);
        var collection = org.trilateral.exchange.advisory.AdvisoryCollection.find(collections, advisories);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/advisories", "/advisories/**"))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.GET, "/advisories", "/advisories/*", "/advisories/*/receipts")
                        .access(new AdvisoryAuthorization(collection))
                        .pathMatchers(HttpMethod.POST, "/advisories/*/receipts")
                        .access(new AdvisoryAuthorization(collection))
                        .anyExchange().denyAll()), issuers, errors)
                .build();
    }

    /**
     * Webhooks (docs/delivery.md#webhooks): a member manages its own endpoints, and needs what a change-feed reader
     * needs (a read role of at least one collection), since its endpoints receive the changes it may read.
     */
    @Bean
    @Order(8)
    SecurityWebFilterChain webhookSecurity(ServerHttpSecurity http, TrustedIssuers issuers,
                                           CollectionRegistry collections, RefusalMetrics metrics) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS, null).countedIn(metrics);
        return bearerTokens(stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/webhooks", "/webhooks/**"))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.GET, "/webhooks", "/webhooks/*", "/webhooks/*/dead-letters")
                        .access(new ChangeFeedAuthorization(collections))
                        .pathMatchers(HttpMethod.POST, "/webhooks", "/webhooks/*/pause", "/webhooks/*/resume",
                                "/webhooks/*/dead-letters/replay", "/webhooks/*/dead-letters/*/replay")
                        .access(new ChangeFeedAuthorization(collections))
                        .pathMatchers(HttpMethod.DELETE, "/webhooks/*", "/webhooks/*/dead-letters",
                                "/webhooks/*/dead-letters/*")
                        .access(new ChangeFeedAuthorization(collections))
                        .anyExchange().denyAll()), issuers, errors)
                .build();
    }

    /** Everything no earlier chain matched: refused, whether or not a token is sent. */
    @Bean
    @Order(Integer.MAX_VALUE)
    SecurityWebFilterChain denyEverythingElse(ServerHttpSecurity http) {
        SecurityErrors errors = new SecurityErrors(ErrorSurface.PROBLEM_DETAILS,
                "the exchange serves nothing at this path: TAXII is under /taxii2/ and the API root, the admin API under /admin/");
        return stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.anyExchange())
                .authorizeExchange(exchange -> exchange.anyExchange().denyAll())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /**
     * Bearer tokens from the trusted issuers, with one surface's error shape for 401 and 403 (TAXII error body or
     * problem details), whether the refusal comes from the token or from authorisation.
     */
    private static ServerHttpSecurity bearerTokens(ServerHttpSecurity http, TrustedIssuers issuers, SecurityErrors errors) {
        return http
                .oauth2ResourceServer(resource -> resource
                        .authenticationManagerResolver(issuers.resolver())
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors));
    }

    /** The settings every chain shares: no session, no CSRF (bearer tokens are not sent by browsers on their own), no login forms. */
    static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable);
    }
}

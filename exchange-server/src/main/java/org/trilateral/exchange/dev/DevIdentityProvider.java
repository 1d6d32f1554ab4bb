package org.trilateral.exchange.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.database.DatabaseProperties;
import org.trilateral.exchange.member.MemberChanges;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.security.SecurityProperties;
import org.trilateral.exchange.security.TrustedIssuer;
import org.trilateral.exchange.security.TrustedIssuers;
import reactor.core.publisher.Flux;

/**
 * Development mode, only when enabled explicitly ({@code exchange.dev.enabled=true}, the {@code dev} profile): an
 * ES256 key generated at each start, the exchange itself as the only trusted issuer, the six demo members, and
 * {@code POST /dev/token}, answered on loopback only. Refuses to start next to configured issuers or with a database
 * that is not on this machine, so it cannot leak into a real deployment.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DevModeCondition.class)
class DevIdentityProvider {

    /** The {@code iss} of development tokens. */
    static final String ISSUER_URI = "urn:trilateral-exchange:dev-identity-provider";
    /** The {@code aud} of development tokens. */
    static final String AUDIENCE = "trilateral-exchange";

    private static final Logger log = LoggerFactory.getLogger(DevIdentityProvider.class);

    @Bean
    DevSigningKey devSigningKey(DatabaseProperties database, SecurityProperties security) throws JOSEException {
        if (!security.issuers().isEmpty()) {
            throw new IllegalStateException("exchange.dev.enabled=true next to configured exchange.security.issuers:"
                    + " development mode would issue tokens beside the real identity providers; turn one of them off");
        }
        requireLocalDatabase(database);
        log.warn("exchange.dev.enabled: DEVELOPMENT MODE, the exchange issues its own tokens for demo members at"
                + " POST /dev/token (loopback only) and trusts nothing else");
        // nimbus-jose-jwt signs Ed25519 only with Tink; ES256 needs nothing more.
        ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        return new DevSigningKey(key, ISSUER_URI, AUDIENCE);
    }

    @Bean
    TrustedIssuer devIssuer(DevSigningKey key, SecurityProperties settings, MemberStore members, Clock clock) {
        SecurityProperties.Issuer issuer = new SecurityProperties.Issuer(DemoMembers.ISSUER_NAME, ISSUER_URI, null,
                AUDIENCE, "sub", null, null);
        return TrustedIssuers.local(issuer, settings, members, List.of(key.key().toPublicJWK()), clock,
                "the exchange restarted since this development token was issued (it signs them with a new key at each"
                        + " start): ask POST /dev/token again");
    }

    @Bean
    SmartInitializingSingleton demoMembers(MemberChanges members) {
        // Start-up, on the main thread, before the web server listens: the demo members exist before the first
        // token can be asked for (an ApplicationRunner would run only after the server accepts requests).
        return () -> Flux.fromIterable(DemoMembers.ALL).concatMap(member -> members.createIfAbsent(member, MemberChanges.EXCHANGE)).then().block();
    }

    @Bean
    RouterFunction<ServerResponse> devTokenRouter(DevTokenHandler handler) {
        // Loopback only: a development token is a member's identity for the asking, so nobody beyond this machine may
        // ask; from elsewhere the path does not exist.
        return RouterFunctions.route(RequestPredicates.POST("/dev/token").and(DevIdentityProvider::fromLoopback),
                handler::token)
                .andRoute(RequestPredicates.path("/dev/token").and(DevIdentityProvider::fromLoopback), handler::otherMethod);
    }

    static boolean fromLoopback(ServerRequest request) {
        return request.remoteAddress().map(address -> address.getAddress() != null
                && address.getAddress().isLoopbackAddress()).orElse(false);
    }

    @Bean
    DevTokenHandler devTokenHandler(DevSigningKey key, MemberStore members, Clock clock) {
        return new DevTokenHandler(key, members, clock);
    }

    /** The token endpoint needs no token; it sits before the final deny-all chain. */
    @Bean
    @Order(3)
    SecurityWebFilterChain devTokenSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/dev/token"))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchange -> exchange.anyExchange().permitAll())
                .build();
    }

    static void requireLocalDatabase(DatabaseProperties database) {
        if (database.useEmbedded()) {
            return;
        }
        Object host = ConnectionFactoryOptions.parse(database.url()).getValue(ConnectionFactoryOptions.HOST);
        if (host == null || !isLoopback(host.toString())) {
            throw new IllegalStateException("development mode (exchange.dev.enabled) refuses to start"
                    + " with the database at '" + host + "': configure the trusted issuers for a real deployment"
                    + " (docs/identity.md)");
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost")) {
            return true;
        }
        // Only literal addresses are judged: a name is never resolved here (it could resolve differently later).
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

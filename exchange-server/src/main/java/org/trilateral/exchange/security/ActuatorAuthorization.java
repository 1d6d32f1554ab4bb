package org.trilateral.exchange.security;

import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.Role;
import reactor.core.publisher.Mono;

/**
 * Who may read the actuator's metrics and other endpoints (not the health probes, which are open): anyone on the
 * management port when one is configured ({@code management.server.port}, a port kept private to the operators'
 * network), else a member with the {@code admin} role.
 */
final class ActuatorAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final Environment environment;

    ActuatorAuthorization(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        if (onManagementPort(context)) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return authentication
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .<AuthorizationResult>flatMap(member -> member.has(Role.ADMIN) ? Mono.just(new AuthorizationDecision(true))
                        : Mono.error(new AccessDeniedException("the actuator's metrics need the '" + Role.ADMIN.value()
                                + "' role, or a request on the management port (management.server.port)")))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private boolean onManagementPort(AuthorizationContext context) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        var local = context.getExchange().getRequest().getLocalAddress();
        return management != null && !management.equals(server) && local != null && local.getPort() == management;
    }
}

package org.trilateral.exchange.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.Role;
import reactor.core.publisher.Mono;

/**
 * Who may use a collection's objects, versions and manifest: reading needs one of its read roles, adding objects
 * one of its write roles, deleting objects the {@code admin} role. A refusal says which roles were needed. An
 * unknown collection is left to the handler, which answers 404.
 */
final class CollectionAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final CollectionRegistry collections;

    CollectionAuthorization(CollectionRegistry collections) {
        this.collections = collections;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .ofType(MemberAuthentication.class)
                .map(MemberAuthentication::member)
                .<AuthorizationResult>flatMap(member -> decide(member, context))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private Mono<AuthorizationResult> decide(Member member, AuthorizationContext context) {
        Object key = context.getVariables().get("collectionId");
        TaxiiCollection collection = key == null ? null : collections.find(key.toString()).orElse(null);
        if (collection == null) {
            return Mono.just(new AuthorizationDecision(true));
        }
        HttpMethod method = context.getExchange().getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return allowIf(collection.canRead(member), "reading collection '" + collection.alias() + "' needs one of the roles "
                    + names(collection.readRoles()));
        }
        if (HttpMethod.POST.equals(method) && collection.writeRoles().isEmpty()) {
            return allowIf(false, "collection '" + collection.alias() + "' is read-only: the exchange maintains it itself");
        }
        if (HttpMethod.POST.equals(method)) {
            return allowIf(collection.canWrite(member), "adding objects to collection '" + collection.alias()
                    + "' needs one of the roles " + names(collection.writeRoles()));
        }
        if (HttpMethod.DELETE.equals(method)) {
            return allowIf(member.has(Role.ADMIN), "deleting objects needs the admin role");
        }
        return Mono.just(new AuthorizationDecision(true));
    }

    private static Mono<AuthorizationResult> allowIf(boolean allowed, String reason) {
        // The reason travels in the exception, so the 403 tells the member which role it lacks.
        return allowed ? Mono.just(new AuthorizationDecision(true)) : Mono.error(new AccessDeniedException(reason));
    }

    private static String names(java.util.Set<Role> roles) {
        return roles.stream().sorted().map(Role::value).toList().toString();
    }
}

package org.trilateral.exchange.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import reactor.core.publisher.Mono;

/**
 * Who may read changes ({@code /changes}, docs/delivery.md): of a named collection, a member with one of its read roles,
 * as for its TAXII objects; across collections, a member that may read at least one. An unknown collection is left to
 * the handler, which answers 404.
 */
final class ChangeFeedAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final CollectionRegistry collections;

    ChangeFeedAuthorization(CollectionRegistry collections) {
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
        String named = context.getExchange().getRequest().getQueryParams().getFirst("collection");
        if (named != null) {
            TaxiiCollection collection = collections.find(named).orElse(null);
            if (collection == null || collection.canRead(member)) {
                return Mono.just(new AuthorizationDecision(true));
            }
            return Mono.error(new AccessDeniedException("reading the changes of collection '" + collection.alias()
                    + "' needs one of the roles " + collection.readRoles().stream().map(r -> r.value()).sorted().toList()));
        }
        if (collections.all().stream().anyMatch(c -> c.canRead(member))) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return Mono.error(new AccessDeniedException("reading changes needs the read role of at least one collection"));
    }
}

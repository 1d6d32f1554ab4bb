package org.trilateral.exchange.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.trilateral.exchange.collection.TaxiiCollection;
import reactor.core.publisher.Mono;

/**
 * Who may use {@code /advisories} (docs/delivery.md): a member with a read role of the advisory collection, as for its
 * TAXII objects. Which advisories it then sees is the read rule's decision, in the advisory feature. Without an
 * advisory collection any member passes, and the feature answers that there is none.
 */
final class AdvisoryAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final java.util.Optional<TaxiiCollection> collection;

    AdvisoryAuthorization(java.util.Optional<TaxiiCollection> collection) {
        this.collection = collection;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .ofType(MemberAuthentication.class)
                .map(MemberAuthentication::member)
                .<AuthorizationResult>flatMap(member -> collection.isEmpty() || collection.get().canRead(member)
                        ? Mono.just(new AuthorizationDecision(true))
                        : Mono.error(new AccessDeniedException("reading advisories needs one of the roles "
                        + collection.get().readRoles().stream().map(r -> r.value()).sorted().toList()
                        + " (the read roles of collection '" + collection.get().alias() + "')")))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}

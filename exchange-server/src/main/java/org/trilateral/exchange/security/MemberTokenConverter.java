package org.trilateral.exchange.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.Role;
import reactor.core.publisher.Mono;

/**
 * Maps a verified token of one issuer to the member it identifies: the configured lookup claim (subject, or a
 * member claim) is looked up in the registry under the issuer's name, on every request. Unknown and suspended
 * members are refused (401). A configured roles claim narrows the member's registered roles.
 */
final class MemberTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final SecurityProperties.Issuer issuer;
    private final MemberStore members;

    MemberTokenConverter(SecurityProperties.Issuer issuer, MemberStore members) {
        this.issuer = issuer;
        this.members = members;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String claim = issuer.lookupClaim();
        Object value = jwt.getClaims().get(claim);
        if (!(value instanceof String key) || key.isBlank()) {
            return Mono.error(new InvalidBearerTokenException("the token has no '" + claim
                    + "' claim, which identifies the member at issuer '" + issuer.name() + "'"));
        }
        return members.findBySubject(issuer.name(), key)
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException(
                        "no member is registered for this token's " + claim + " at issuer '" + issuer.name() + "'")))
                .map(member -> {
                    if (!member.active()) {
                        throw new InvalidBearerTokenException("member '" + member.id() + "' is suspended");
                    }
                    Member effective = issuer.rolesClaim() == null || issuer.rolesClaim().isBlank()
                            ? member : member.narrowedTo(roles(jwt.getClaims(), issuer.rolesClaim()));
                    MemberAuthentication authentication = new MemberAuthentication(effective, issuer.name());
                    // Who acted, for records that name a person (an advisory's acknowledgement): the token's subject.
                    authentication.setDetails(new org.trilateral.exchange.member.MemberSubject(issuer.name(),
                            jwt.getSubject() == null || jwt.getSubject().isBlank() ? key : jwt.getSubject()));
                    return authentication;
                });
    }

    /** Role names at a dotted claim path (a JSON array, or one space-separated string); names that are not roles are ignored. */
    static Set<Role> roles(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> names = new ArrayList<>();
        if (node instanceof Collection<?> values) {
            values.forEach(v -> names.add(String.valueOf(v)));
        } else if (node instanceof String text) {
            names.addAll(Arrays.asList(text.trim().split("\\s+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Arrays.stream(Role.values()).filter(r -> r.value().equals(name)).forEach(roles::add);
        }
        return roles;
    }
}

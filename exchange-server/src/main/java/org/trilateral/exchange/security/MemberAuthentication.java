package org.trilateral.exchange.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.trilateral.exchange.member.Member;

/** An authenticated request: the member a trusted token identifies, with the roles it may use. */
final class MemberAuthentication extends AbstractAuthenticationToken {

    private final Member member;
    private final String issuer;

    MemberAuthentication(Member member, String issuer) {
        super(member.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.value())).toList());
        this.member = member;
        this.issuer = issuer;
        setAuthenticated(true);
    }

    public Member member() {
        return member;
    }

    /** The configured name of the issuer of the token. */
    public String issuer() {
        return issuer;
    }

    @Override
    public Object getCredentials() {
        // The token itself is not kept: nothing downstream needs it, and it must not reach logs.
        return "";
    }

    @Override
    public Member getPrincipal() {
        return member;
    }

    @Override
    public String getName() {
        return member.id().value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberAuthentication that && that.member.equals(member) && that.issuer.equals(issuer);
    }

    @Override
    public int hashCode() {
        return List.of(member, issuer).hashCode();
    }
}

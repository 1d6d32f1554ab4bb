package org.trilateral.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.member.Role;

class MemberTokenConverterTest {

    @Test
    void rolesWhenDottedPathToArrayThenKnownRolesOnly() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("consumer", "offline_access", "admin")));
        assertThat(MemberTokenConverter.roles(claims, "realm_access.roles")).containsExactlyInAnyOrder(Role.CONSUMER, Role.ADMIN);
    }

    @Test
    void rolesWhenSpaceSeparatedStringThenEachRole() {
        assertThat(MemberTokenConverter.roles(Map.of("scope", "consumer publisher openid"), "scope"))
                .containsExactlyInAnyOrder(Role.CONSUMER, Role.PUBLISHER);
    }

    @Test
    void rolesWhenClaimAbsentThenNone() {
        assertThat(MemberTokenConverter.roles(Map.of("sub", "x"), "realm_access.roles")).isEmpty();
    }
}

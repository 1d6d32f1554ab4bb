package org.trilateral.exchange.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.trilateral.exchange.access.Reader;
import org.trilateral.taxonomy.persona.PersonaDigest;

/**
 * Concurrent employment (docs/screening.md): a persona token that the caller registered as its staff and that other
 * employers registered too is "employed elsewhere". The caller learns how many other employers there are, and the
 * member id of those whose registration discloses it to a sharing group the caller belongs to; nothing about tokens
 * it did not register itself, so a member cannot learn who employs a person it does not employ.
 */
final class Employment {

    private Employment() {
    }

    /** The token as the registry stores it: kind, platform, scheme and digest, so equal digests of other kinds differ. */
    static String key(PersonaDigest token) {
        return token.kind().value() + "|" + (token.platform() == null ? "" : token.platform()) + "|" + token.scheme() + "|"
                + token.digest();
    }

    static List<ScreeningResult.EmploymentMatch> matches(List<PersonaDigest> tokens, List<StaffRegistry.Registration> found,
                                                         Reader caller) {
        List<ScreeningResult.EmploymentMatch> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String key = key(tokens.get(i));
            boolean mine = false;
            Set<String> others = new HashSet<>();
            Set<String> named = new TreeSet<>();
            for (StaffRegistry.Registration registration : found) {
                if (!registration.token().equals(key)) {
                    continue;
                }
                if (registration.employer().equals(caller.memberId())) {
                    mine = true;
                } else {
                    others.add(registration.employer().value());
                    if (!Collections.disjoint(registration.discloseGroups(), caller.groups())) {
                        named.add(registration.employer().value());
                    }
                }
            }
            if (mine && !others.isEmpty()) {
                out.add(new ScreeningResult.EmploymentMatch("persona_tokens[" + i + "]", others.size(), List.copyOf(named)));
            }
        }
        return out;
    }
}

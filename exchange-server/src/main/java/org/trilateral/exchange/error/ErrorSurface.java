package org.trilateral.exchange.error;

import java.util.List;

/**
 * The two error shapes of the exchange: TAXII routes (discovery, the API root, and any path that belongs to no other
 * surface) answer with the TAXII error message; the admin API, taxonomy, log, key sets, development token endpoint,
 * actuator, persona-token evaluation, screening, the change feed, advisories and webhooks with RFC 9457 problem details.
 */
public enum ErrorSurface {
    TAXII,
    PROBLEM_DETAILS;

    private static final List<String> PROBLEM_PREFIXES =
            List.of("/admin", "/taxonomy", "/log/", "/.well-known/", "/dev/", "/actuator", "/openapi", "/oprf/",
                    "/screening", "/members/", "/changes", "/advisories", "/webhooks");

    /** The surface a request path belongs to. */
    public static ErrorSurface of(String path) {
        return PROBLEM_PREFIXES.stream().anyMatch(path::startsWith) ? PROBLEM_DETAILS : TAXII;
    }
}

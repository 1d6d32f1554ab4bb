package org.trilateral.exchange.web;

import java.util.List;

/**
 * Which paths belong to the exchange's non-TAXII surfaces, whose errors are RFC 9457 problem details; every other
 * path is TAXII's and answers with the TAXII error body.
 */
public final class ProblemDetailsSurfaces {

    private static final List<String> PREFIXES = List.of("/admin", "/taxonomy", "/log/", "/.well-known/", "/dev/", "/actuator");

    private ProblemDetailsSurfaces() {
    }

    public static boolean contains(String path) {
        return PREFIXES.stream().anyMatch(path::startsWith);
    }
}

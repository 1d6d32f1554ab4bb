package org.trilateral.client;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The exchange's answer to one screening.
 *
 * @param label      the request's label
 * @param riskLevel  {@code none}, {@code low}, {@code medium} or {@code high}
 * @param riskRule   the documented rule that gave the level (docs/screening.md)
 * @param matches    each identifier an indicator the member may read names
 * @param redFlags   each red flag raised, with its reason
 * @param json       the answer as the exchange sent it, with {@code label} added
 */
public record ScreenResult(String label, String riskLevel, String riskRule, List<Match> matches, List<RedFlag> redFlags,
                           JsonNode json) {

    public ScreenResult {
        matches = List.copyOf(matches);
        redFlags = List.copyOf(redFlags);
    }

    /**
     * One match.
     *
     * @param input           which identifier of the request: {@code personas[0]}, {@code wallets[1]}, {@code ips[0]}
     * @param indicatorId     the indicator that names it
     * @param confidence      the match's confidence: the indicator's, raised by 10 for each other member that reported
     *                        a sighting of it (docs/screening.md, "Sightings and confidence")
     * @param sightingsCount  how often members reported seeing it, as far as this member may read
     */
    public record Match(String input, String kind, String indicatorId, String indicatorName, Integer confidence,
                        long sightingsCount, String firstSeen, String lastSeen) {
    }

    /** A red flag of the {@code tie-red-flag} vocabulary and why it was raised. */
    public record RedFlag(String flag, String reason) {
    }
}

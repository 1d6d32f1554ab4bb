package org.trilateral.exchange.screening;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a screening found.
 *
 * @param matches     each identifier that matched a readable, valid indicator, with it
 * @param employment  each persona token of the caller's staff that other employers registered too
 * @param redFlags    each red flag raised, with its reason
 * @param risk        the overall level and the rule that gave it
 */
record ScreeningResult(List<Match> matches, List<EmploymentMatch> employment, List<RedFlagRaised> redFlags, Risk risk) {

    ScreeningResult {
        matches = List.copyOf(matches);
        employment = List.copyOf(employment);
        redFlags = List.copyOf(redFlags);
    }

    /**
     * One identifier of the request that an indicator names.
     *
     * @param input      where in the request, e.g. {@code wallets[0]}
     * @param kind       what matched: {@code persona-token}, {@code wallet} or {@code ip}
     * @param indicator  the indicator as stored (the caller may read it)
     * @param sightings  the sightings of it the caller may read
     * @param confidence the indicator's confidence raised by its sightings ({@link Confidence})
     */
    record Match(String input, String kind, JsonNode indicator, Sightings sightings, Confidence confidence) {
    }

    /**
     * How often, and between when, members reported seeing an indicator (STIX 2.1 §5.2 sighting).
     *
     * @param reporters how many members other than the indicator's publisher reported the sightings
     */
    record Sightings(long count, String firstSeen, String lastSeen, int reporters) {
    }

    /**
     * A persona token of the caller's staff that other employers registered as theirs too.
     *
     * @param input      where in the request, e.g. {@code persona_tokens[0]}
     * @param employers  how many other employers registered it
     * @param named      the member ids of those of them whose registration lets the caller know them
     */
    record EmploymentMatch(String input, int employers, List<String> named) {

        EmploymentMatch {
            named = List.copyOf(named);
        }
    }

    /** A red flag of the {@code tie-red-flag} vocabulary with why it was raised. */
    record RedFlagRaised(String flag, String reason) {
    }

    /** The overall risk: {@code none}, {@code low}, {@code medium} or {@code high}, and the rule that produced it. */
    record Risk(String level, String rule) {
    }
}

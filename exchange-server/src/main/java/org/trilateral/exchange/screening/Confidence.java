package org.trilateral.exchange.screening;

import tools.jackson.databind.JsonNode;

/**
 * The confidence a screening reports for a match (docs/screening.md, "Sightings and confidence"): the indicator's own
 * {@code confidence} (STIX 2.1 §3.2, 0–100; 50 when it has none, the scale's "moderate"), plus {@link #PER_REPORTER}
 * for each member other than the indicator's publisher that reported a readable, unrevoked sighting of it, at most 100.
 * Members, not sightings, are counted, so one member repeating its report cannot raise the figure, and the publisher's
 * own sightings confirm nothing new.
 *
 * @param value      the raised confidence
 * @param indicator  the indicator's own confidence, or 50 when it has none
 * @param rule       the rule as applied, in words
 */
record Confidence(int value, int indicator, String rule) {

    static final int UNSTATED = 50;
    static final int PER_REPORTER = 10;

    static Confidence of(JsonNode indicatorBody, int reporters) {
        JsonNode stated = indicatorBody.get("confidence");
        boolean has = stated != null && stated.isIntegralNumber() && stated.intValue() >= 0 && stated.intValue() <= 100;
        int base = has ? stated.intValue() : UNSTATED;
        int value = Math.min(100, base + PER_REPORTER * reporters);
        String rule = (has ? "indicator confidence " + base : "no indicator confidence, taken as " + UNSTATED)
                + " + " + PER_REPORTER + " for each of " + reporters + " other member(s) reporting a sighting, at most 100";
        return new Confidence(value, base, rule);
    }
}

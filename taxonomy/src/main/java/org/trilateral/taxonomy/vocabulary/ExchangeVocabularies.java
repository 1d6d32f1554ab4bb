package org.trilateral.taxonomy.vocabulary;

import java.util.List;
import java.util.Map;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every exchange vocabulary by name, and their JSON for publication. STIX 2.1 has no vocabulary object, so the
 * vocabularies are published as one JSON document created by the exchange identity:
 * {@code {"created_by_ref":...,"modified":...,"vocabularies":{"tie-sector":[{"value":...,"description":...}],...}}}.
 */
public final class ExchangeVocabularies {

    /** The vocabularies by name; use {@link #toJson()} for a stable order. */
    public static final Map<String, List<? extends VocabularyTerm>> ALL = Map.of(
            "tie-indicator-kind", List.of(IndicatorKind.values()),
            "tie-sector", List.of(Sector.values()),
            "tie-red-flag", List.of(RedFlag.values()),
            "tie-facilitator-kind", List.of(FacilitatorKind.values()));

    private ExchangeVocabularies() {
    }

    /** A fresh JSON document with every vocabulary, names sorted, terms in declaration order. */
    public static ObjectNode toJson() {
        ObjectNode root = StixJson.mapper().createObjectNode()
                .put("created_by_ref", ExchangeIdentity.ID)
                .put("modified", ExchangeIdentity.CREATED);
        ObjectNode vocabularies = root.putObject("vocabularies");
        ALL.keySet().stream().sorted().forEach(name -> {
            ArrayNode terms = vocabularies.putArray(name);
            for (VocabularyTerm term : ALL.get(name)) {
                terms.addObject().put("value", term.value()).put("description", term.description());
            }
        });
        return root;
    }
}

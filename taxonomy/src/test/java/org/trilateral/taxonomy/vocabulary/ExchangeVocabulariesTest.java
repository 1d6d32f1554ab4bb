package org.trilateral.taxonomy.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.ExchangeIdentity;
import tools.jackson.databind.node.ObjectNode;

class ExchangeVocabulariesTest {

    @Test
    void toJsonWhenPublishedThenEveryVocabularyWithValuesAndDescriptions() {
        ObjectNode root = ExchangeVocabularies.toJson();
        assertThat(root.get("created_by_ref").stringValue()).isEqualTo(ExchangeIdentity.ID);
        ObjectNode json = (ObjectNode) root.get("vocabularies");
        assertThat(json.propertyNames()).containsExactly("tie-facilitator-kind", "tie-indicator-kind", "tie-red-flag", "tie-sector");
        assertThat(json.get("tie-sector")).hasSize(9);
        assertThat(json.get("tie-red-flag").get(0).get("value").stringValue()).isEqualTo("payment-to-foreign-bank");
        assertThat(json.get("tie-red-flag").get(0).get("description").stringValue()).contains("bank");
    }

    @Test
    void valuesWhenAnyVocabularyThenLowerCaseHyphenated() {
        ExchangeVocabularies.ALL.values().forEach(terms -> terms.forEach(term ->
                assertThat(term.value()).matches("[a-z0-9]+(-[a-z0-9+]+)*")));
    }

    @Test
    void fromValueWhenKnownThenTermElseEmpty() {
        assertThat(Sector.fromValue("ai-company")).contains(Sector.AI_COMPANY);
        assertThat(Sector.fromValue("technology")).contains(Sector.TECHNOLOGY);
        assertThat(Sector.fromValue("software")).contains(Sector.SOFTWARE);
        assertThat(Sector.fromValue("defence")).contains(Sector.DEFENCE);
        assertThat(IndicatorKind.fromValue("payroll-account")).contains(IndicatorKind.PAYROLL_ACCOUNT);
        assertThat(FacilitatorKind.fromValue("laptop-farm")).contains(FacilitatorKind.LAPTOP_FARM);
        assertThat(RedFlag.fromValue("unknown")).isEmpty();
        assertThat(IndicatorKind.fromValue("payroll-wallet")).contains(IndicatorKind.PAYROLL_WALLET);
    }
}

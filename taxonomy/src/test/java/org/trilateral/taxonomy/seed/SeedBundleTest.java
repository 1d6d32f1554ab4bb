package org.trilateral.taxonomy.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixObjectValidator;
import org.trilateral.taxonomy.testing.OasisSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SeedBundleTest {

    private static final Map<String, String> SCHEMA_BY_TYPE = Map.of(
            "identity", "sdos/identity.json",
            "marking-definition", "common/marking-definition.json",
            "threat-actor", "sdos/threat-actor.json",
            "intrusion-set", "sdos/intrusion-set.json",
            "relationship", "sros/relationship.json");

    @Test
    void loadWhenValidatedThenBundleAndEveryObjectPassOasisSchemas() {
        OasisSchemas schemas = OasisSchemas.load();
        ObjectNode bundle = SeedBundle.load();
        assertThat(schemas.errors("common/bundle.json", bundle)).isEmpty();
        for (JsonNode object : bundle.get("objects")) {
            String schema = SCHEMA_BY_TYPE.get(object.get("type").stringValue());
            assertThat(schema).as("schema for " + object.get("type")).isNotNull();
            assertThat(schemas.errors(schema, object)).as(object.get("id").stringValue()).isEmpty();
            assertThat(new StixObjectValidator().validate(object)).isEmpty();
        }
    }

    @Test
    void loadWhenReadThenSanctionedPartiesNamedWithSdnReference() {
        List<JsonNode> identities = objects("identity");
        assertThat(identities).extracting(i -> i.get("name").stringValue()).contains(
                "Vitaliy Sergeyevich Andreyev", "Kim Ung Sun", "Shenyang Geumpungri Network Technology Co., Ltd",
                "Korea Sinjin Trading Corporation", ExchangeIdentity.NAME);
        for (JsonNode identity : identities) {
            if (!identity.get("id").stringValue().equals(ExchangeIdentity.ID)) {
                assertThat(identity.at("/external_references/0/url").stringValue()).isEqualTo("https://sanctionssearch.ofac.treas.gov/");
            }
        }
        assertThat(objects("threat-actor")).hasSize(1);
        assertThat(objects("intrusion-set")).hasSize(1);
    }

    @Test
    void loadWhenReadThenExchangeCreatedEverythingAndMarkedItClear() {
        for (JsonNode object : SeedBundle.load().get("objects")) {
            String type = object.get("type").stringValue();
            if (type.equals("marking-definition")) {
                assertThat(object.get("id").stringValue()).isEqualTo(Tlp.CLEAR.id());
                continue;
            }
            if (!object.get("id").stringValue().equals(ExchangeIdentity.ID)) {
                assertThat(object.get("created_by_ref").stringValue()).as(object.get("id").stringValue()).isEqualTo(ExchangeIdentity.ID);
            }
            assertThat(object.get("object_marking_refs").get(0).stringValue()).isEqualTo(Tlp.CLEAR.id());
        }
    }

    @Test
    void loadWhenReadThenExchangeIdentityEqualsTheLibraryObject() {
        assertThat(objects("identity").stream().filter(i -> i.get("id").stringValue().equals(ExchangeIdentity.ID)).findFirst())
                .contains(ExchangeIdentity.object());
    }

    @Test
    void loadWhenReadThenEveryRelationshipResolvesInsideTheBundle() {
        Set<String> ids = new HashSet<>();
        SeedBundle.load().get("objects").forEach(o -> ids.add(o.get("id").stringValue()));
        List<JsonNode> relationships = objects("relationship");
        assertThat(relationships).isNotEmpty();
        for (JsonNode relationship : relationships) {
            assertThat(ids).contains(relationship.get("source_ref").stringValue(), relationship.get("target_ref").stringValue());
        }
    }

    private static List<JsonNode> objects(String type) {
        return SeedBundle.load().get("objects").valueStream().filter(o -> o.get("type").stringValue().equals(type)).toList();
    }
}

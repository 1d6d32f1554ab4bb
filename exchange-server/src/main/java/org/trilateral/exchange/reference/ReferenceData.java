package org.trilateral.exchange.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.seed.SeedBundle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every STIX object of the exchange's reference data, each once, in dependency order (identity first). */
final class ReferenceData {

    private ReferenceData() {
    }

    static List<ObjectNode> objects() {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        add(byId, ExchangeIdentity.object());
        for (Tlp tlp : Tlp.values()) {
            add(byId, tlp.markingDefinition());
        }
        ExchangeExtensions.all().forEach(definition -> add(byId, definition));
        for (JsonNode object : SeedBundle.load().get("objects")) {
            add(byId, (ObjectNode) object);
        }
        return new ArrayList<>(byId.values());
    }

    private static void add(Map<String, ObjectNode> byId, ObjectNode object) {
        byId.putIfAbsent(object.get("id").asString(), object);
    }
}

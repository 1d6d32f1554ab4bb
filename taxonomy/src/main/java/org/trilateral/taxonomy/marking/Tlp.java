package org.trilateral.taxonomy.marking;

import java.util.Arrays;
import java.util.Optional;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Traffic Light Protocol 2.0 (FIRST) as STIX 2.1 marking definitions: the objects and ids that the OASIS CTI TC
 * publishes in cti-stix-common-objects (extension-definition-specifications/tlp-2.0), a property extension of
 * marking-definition with property {@code tlp_2_0}. TLP 2.0 has five labels: CLEAR, GREEN, AMBER, AMBER+STRICT, RED.
 */
public enum Tlp {
    CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
    GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
    AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
    AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
    RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red");

    /** The OASIS extension definition that the TLP 2.0 marking definitions use. */
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /** The {@code created} time of every OASIS TLP 2.0 marking definition. */
    public static final String CREATED = "2022-10-01T00:00:00.000Z";

    private final String id;
    private final String label;
    private final String tlp20Value;

    Tlp(String id, String label, String tlp20Value) {
        this.id = id;
        this.label = label;
        this.tlp20Value = tlp20Value;
    }

    /** The official marking-definition id. */
    public String id() {
        return id;
    }

    /** The label as written in the marking's {@code name}, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** The value of the {@code tlp_2_0} extension property, e.g. {@code amber+strict}. */
    public String tlp20Value() {
        return tlp20Value;
    }

    /** A fresh copy of the official marking-definition object. */
    public ObjectNode markingDefinition() {
        ObjectNode marking = StixJson.mapper().createObjectNode()
                .put("type", "marking-definition")
                .put("spec_version", "2.1")
                .put("id", id)
                .put("created", CREATED)
                .put("name", label);
        marking.putObject("extensions").putObject(TLP2_EXTENSION_ID)
                .put("extension_type", "property-extension")
                .put("tlp_2_0", tlp20Value);
        return marking;
    }

    /** The level with this marking-definition id, if it is one of the TLP 2.0 ids. */
    public static Optional<Tlp> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}

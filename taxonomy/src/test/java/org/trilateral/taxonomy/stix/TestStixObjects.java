package org.trilateral.taxonomy.stix;

import tools.jackson.databind.node.ObjectNode;

/** Valid STIX 2.1 objects as mutable trees, so that each test breaks exactly one thing. */
final class TestStixObjects {

    static final String IDENTITY = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
    static final String TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    private TestStixObjects() {
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) StixJson.mapper().readTree(json);
    }

    static ObjectNode indicator() {
        return parse("""
                {"type": "indicator", "spec_version": "2.1",
                 "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
                 "created_by_ref": "%s",
                 "indicator_types": ["malicious-activity"], "name": "Laptop farm relay",
                 "pattern": "[ipv4-addr:value = '198.51.100.1']", "pattern_type": "stix",
                 "valid_from": "2016-01-01T00:00:00Z",
                 "object_marking_refs": ["%s"]}
                """.formatted(IDENTITY, TLP_GREEN));
    }

    static ObjectNode relationship() {
        return parse("""
                {"type": "relationship", "spec_version": "2.1",
                 "id": "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
                 "created": "2016-04-06T20:06:37.000Z", "modified": "2016-04-06T20:06:37.000Z",
                 "relationship_type": "indicates",
                 "source_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}
                """);
    }

    static ObjectNode sighting() {
        return parse("""
                {"type": "sighting", "spec_version": "2.1",
                 "id": "sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
                 "created": "2016-04-06T20:08:31.000Z", "modified": "2016-04-06T20:08:31.000Z",
                 "first_seen": "2015-12-21T19:00:00Z", "last_seen": "2015-12-21T19:00:01Z",
                 "count": 50, "sighting_of_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                 "observed_data_refs": ["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
                 "where_sighted_refs": ["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"]}
                """);
    }

    static ObjectNode ipv4Address() {
        return parse("""
                {"type": "ipv4-addr", "spec_version": "2.1",
                 "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.3"}
                """);
    }

    static ObjectNode tlpGreen() {
        return parse("""
                {"type": "marking-definition", "spec_version": "2.1", "id": "%s",
                 "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:GREEN",
                 "definition": {"tlp": "green"}}
                """.formatted(TLP_GREEN));
    }
}

package org.trilateral.taxonomy.signature;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/** Fixtures for signature tests: an indicator as a member would publish it, and a key registry. */
final class TestSignedObjects {

    static final String EXTENSION_ID = "extension-definition--3c5a8b0e-6a8e-4b39-9a59-7f1c4e2f5d10";
    static final String OTHER_EXTENSION_ID = "extension-definition--0e3b2a4c-91d5-4f0e-8c6a-2b7d9e1f3a55";

    private TestSignedObjects() {
    }

    static ObjectNode indicator() {
        return (ObjectNode) StixJson.mapper().readTree("""
                {
                  "type": "indicator",
                  "spec_version": "2.1",
                  "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                  "created": "2026-11-02T09:15:00.000Z",
                  "modified": "2026-11-02T09:15:00.000Z",
                  "name": "Laptop-farm wallet",
                  "pattern": "[x-crypto-wallet:address = '0x52908400098527886E0F7030069857D2E4169EE7']",
                  "pattern_type": "stix",
                  "valid_from": "2026-11-02T09:15:00Z",
                  "confidence": 85,
                  "x_score": 0.75
                }
                """);
    }

    static ObjectNode indicatorWithOtherExtension() {
        ObjectNode indicator = indicator();
        indicator.putObject("extensions").putObject(OTHER_EXTENSION_ID)
                .put("extension_type", "property-extension").put("note", "kept and signed");
        return indicator;
    }

    static final class Registry implements JwkLookup {
        private final Map<String, Jwk> keys = new HashMap<>();

        Registry with(SigningKey key) {
            keys.put(key.kid(), key.publicKey());
            return this;
        }

        @Override
        public Optional<Jwk> find(String kid) {
            return Optional.ofNullable(keys.get(kid));
        }
    }
}

package org.trilateral.taxonomy.extension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/** Well-formed object-signature extension entries for tests; each test changes one field. */
final class TestSignatures {

    private TestSignatures() {
    }

    static String protectedHeader(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode entry() {
        ObjectNode entry = StixJson.mapper().createObjectNode().put("extension_type", "property-extension");
        entry.putArray("signatures").addObject()
                .put("protected", protectedHeader("{\"alg\":\"ES256\",\"kid\":\"member-1\",\"b64\":false,\"crit\":[\"b64\"]}"))
                .put("signature", "MEUCIQDx_abc-123");
        return entry;
    }
}

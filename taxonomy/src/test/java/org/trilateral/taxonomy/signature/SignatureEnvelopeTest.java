package org.trilateral.taxonomy.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;

import tools.jackson.databind.node.ObjectNode;

class SignatureEnvelopeTest {

    private final SignatureEnvelope envelope = new SignatureEnvelope(TestSignedObjects.EXTENSION_ID);

    @Test
    void payloadWhenOnlySignatureExtensionThenExtensionsRemovedEntirely() {
        ObjectNode object = object("{\"type\":\"x\",\"extensions\":{\"" + TestSignedObjects.EXTENSION_ID
                + "\":{\"extension_type\":\"property-extension\",\"signatures\":[]}},\"a\":1}");

        assertThat(payload(object)).isEqualTo("{\"a\":1,\"type\":\"x\"}");
    }

    @Test
    void payloadWhenOtherExtensionsThenOnlySignatureExtensionRemoved() {
        ObjectNode object = object("{\"extensions\":{\"" + TestSignedObjects.EXTENSION_ID + "\":{},\""
                + TestSignedObjects.OTHER_EXTENSION_ID + "\":{\"k\":true}}}");

        assertThat(payload(object)).isEqualTo("{\"extensions\":{\"" + TestSignedObjects.OTHER_EXTENSION_ID
                + "\":{\"k\":true}}}");
    }

    @Test
    void payloadWhenEmptyExtensionsWithoutSignatureThenKeptAsSent() {
        // Only the signature extension's own removal may drop "extensions"; anything else is signed as received.
        assertThat(payload(object("{\"extensions\":{}}"))).isEqualTo("{\"extensions\":{}}");
    }

    @Test
    void payloadWhenComputedThenInputUnchanged() {
        ObjectNode object = object("{\"extensions\":{\"" + TestSignedObjects.EXTENSION_ID + "\":{}}}");
        ObjectNode before = object.deepCopy();

        payload(object);

        assertThat(object).isEqualTo(before);
    }

    private String payload(ObjectNode object) {
        return new String(envelope.payload(object), StandardCharsets.UTF_8);
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) StixJson.mapper().readTree(json);
    }
}

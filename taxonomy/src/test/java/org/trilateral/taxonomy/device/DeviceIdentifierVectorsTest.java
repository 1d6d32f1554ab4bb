package org.trilateral.taxonomy.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** Replays the vectors the project publishes (docs/vectors/device-identifiers.json, on the test class path). */
class DeviceIdentifierVectorsTest {

    @Test
    void publishedVectorsWhenReplayedThenCanonicalFormsAndIdsMatch() throws Exception {
        JsonNode document = read();
        assertThat(document.get("vectors").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode vector : document.get("vectors")) {
            DeviceIdentifier device = parse(vector.get("input"));
            String label = vector.toString();
            assertThat(device.type().value()).as(label).isEqualTo(vector.get("id_type").stringValue());
            assertThat(device.value()).as(label).isEqualTo(vector.get("value").stringValue());
            assertThat(device.manufacturer()).as(label).isEqualTo(vector.has("manufacturer") ? vector.get("manufacturer").stringValue() : null);
            assertThat(device.stixId().toString()).as(label).isEqualTo(vector.get("id").stringValue());
        }
    }

    @Test
    void publishedInvalidInputsWhenReplayedThenRefused() throws Exception {
        for (JsonNode vector : read().get("invalid")) {
            assertThatThrownBy(() -> parse(vector.get("input"))).as(vector.toString()).isInstanceOf(InvalidDeviceIdentifierException.class);
        }
    }

    private JsonNode read() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/device-identifiers.json")) {
            return StixJson.mapper().readTree(in);
        }
    }

    private static DeviceIdentifier parse(JsonNode input) {
        DeviceIdentifierType type = DeviceIdentifierType.fromValue(input.get("type").stringValue()).orElseThrow();
        return type == DeviceIdentifierType.SERIAL
                ? DeviceIdentifier.serial(input.get("manufacturer").stringValue(), input.get("serial").stringValue())
                : DeviceIdentifier.remoteAccess(type, input.get("id").stringValue());
    }
}

package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StixObjectClassTest {

    @Test
    void ofWhenTypeDefinedBySpecThenItsClass() {
        assertThat(StixObjectClass.of("indicator", TestStixObjects.indicator())).isEqualTo(StixObjectClass.SDO);
        assertThat(StixObjectClass.of("sighting", TestStixObjects.sighting())).isEqualTo(StixObjectClass.SRO);
        assertThat(StixObjectClass.of("ipv4-addr", TestStixObjects.ipv4Address())).isEqualTo(StixObjectClass.SCO);
        assertThat(StixObjectClass.of("marking-definition", TestStixObjects.tlpGreen())).isEqualTo(StixObjectClass.META);
    }

    @Test
    void ofWhenCustomTypeDeclaresNewSroThenSro() {
        assertThat(StixObjectClass.of("x-link", TestStixObjects.parse("""
                {"extensions": {"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {"extension_type": "new-sro"}},
                 "created": "2024-01-01T00:00:00.000Z"}
                """))).isEqualTo(StixObjectClass.SRO);
    }

    @Test
    void ofWhenCustomTypeWithoutDeclarationThenDecidedByCreated() {
        assertThat(StixObjectClass.of("x-thing", TestStixObjects.parse("{\"modified\": \"2024-01-01T00:00:00.000Z\"}")))
                .isEqualTo(StixObjectClass.SDO);
        assertThat(StixObjectClass.of("x-thing", TestStixObjects.parse("{\"value\": \"a\"}")))
                .isEqualTo(StixObjectClass.SCO);
    }
}

package org.trilateral.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.testing.OasisSchemas;
import tools.jackson.databind.node.ObjectNode;

class ExchangeIdentityTest {

    @Test
    void objectWhenBuiltThenFixedFieldsAndValidAgainstOasisIdentitySchema() {
        ObjectNode identity = ExchangeIdentity.object();
        assertThat(identity.get("id").stringValue()).isEqualTo(ExchangeIdentity.ID);
        assertThat(identity.get("name").stringValue()).isEqualTo("Trilateral Indicator Exchange");
        assertThat(identity.get("identity_class").stringValue()).isEqualTo("organization");
        assertThat(identity.get("created").stringValue()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(OasisSchemas.load().errors("sdos/identity.json", identity)).isEmpty();
    }
}

package org.trilateral.exchange.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.node.ObjectNode;

/** The schema check the integration tests rely on is not vacuous. */
class StixSchemasTest {

    private final Optional<StixSchemas> schemas = StixSchemas.load();

    @Test
    void errorsWhenValidIndicatorThenNone() {
        Assumptions.assumeTrue(schemas.isPresent(), SharedFixtures.ABSENT);
        assertThat(schemas.get().errors(TestStix.indicator())).isEmpty();
    }

    @Test
    void errorsWhenIndicatorLacksPatternThenReported() {
        Assumptions.assumeTrue(schemas.isPresent(), SharedFixtures.ABSENT);
        ObjectNode indicator = TestStix.indicator();
        indicator.remove("pattern");
        assertThat(schemas.get().errors(indicator)).isNotEmpty().anyMatch(e -> e.contains("pattern"));
    }

    @Test
    void errorsWhenTimestampMalformedThenReported() {
        Assumptions.assumeTrue(schemas.isPresent(), SharedFixtures.ABSENT);
        ObjectNode indicator = TestStix.indicator();
        indicator.put("modified", "yesterday");
        assertThat(schemas.get().errors(indicator)).isNotEmpty();
    }
}

package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STIX 2.1 §3.2 timestamps, parsed by hand for the common form and by the general path otherwise. */
class StixTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.12Z",
            "2026-01-01T00:00:00.123Z", "2026-12-31T23:59:59.123456Z", "2024-02-29T12:00:00.000Z", "0001-01-01T00:00:00Z"})
    void aTimestampOfTheCommonFormIsTheInstantTheJdkReads(String text) {
        assertThat(StixTimestamp.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T25:00:00Z",
            "2026-01-01T00:60:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00", "２０２６-01-01T00:00:00Z", "2026-01-01T00:00:0١Z",
            "2026-1-01T00:00:00Z", ""})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> StixTimestamp.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00.1234567Z", "2026-01-01T00:00:00.123456789Z"})
    void moreThanMicrosecondsIsRefusedAsSuch(String text) {
        assertThatThrownBy(() -> StixTimestamp.parse(text)).hasMessageContaining("more than microsecond precision");
    }
}

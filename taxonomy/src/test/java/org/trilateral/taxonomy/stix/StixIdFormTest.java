package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STIX 2.1 §2.9 identifiers and §3.1 type names, checked without regular expressions. */
class StixIdFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "x-acme-thing--8E2E2D2B-17D4-4CBF-A38F-98EE46B3CD3F",
            "ab1--00000000-0000-1000-8000-000000000000", "ipv4-addr--ff0102f3-0b9e-5a1c-b4f7-3c35d2f0e6a1"})
    void wellFormedIdentifiers(String id) {
        assertThat(StixId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "1ndicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "ab---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "a--b--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f",
            "indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3",
            "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3\uff10",
            "indicator--8e2e2d2b_17d4-4cbf-938f-98ee46b3cd3f", "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"})
    void malformedIdentifiers(String id) {
        assertThat(StixId.isValid(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "x-a", "a1-2"})
    void typeNames(String type) {
        assertThat(StixId.isValidType(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "abc-", "a--b", "-abc", "ab_c", "abç"})
    void refusedTypeNames(String type) {
        assertThat(StixId.isValidType(type)).isFalse();
    }
}

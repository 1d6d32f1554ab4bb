package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trilateral.taxonomy.testing.SharedFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StixObjectValidatorTest {

    private final StixObjectValidator validator = new StixObjectValidator();

    /**
     * examples/infrastructure.json has a relationship whose id ends in upper-case hex ("...-85ec-E9034ac98aba").
     * RFC 4122 §3 reads hex case-insensitively and the OASIS identifier schema allows it, so it is accepted.
     */
    private static final String UPPER_CASE_UUID_SAMPLE = "relationship--81f12913-1372-4c96-85ec-E9034ac98aba";

    @TestFactory
    Stream<DynamicTest> validateWhenOasisSampleObjectThenNoViolations() throws IOException {
        Map<String, JsonNode> samples = SharedFixtures.oasisSamples();
        assertThat(samples).hasSizeGreaterThan(250);
        return samples.entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            assertThat(validator.validate(sample.getValue())).isEmpty();
        }));
    }

    @Test
    void validateWhenUuidHasUpperCaseHexThenAccepted() throws IOException {
        assertThat(SharedFixtures.oasisSamples().keySet()).anyMatch(key -> key.endsWith(UPPER_CASE_UUID_SAMPLE));
    }

    @Test
    void validateWhenValidObjectsOfEachClassThenNoViolations() {
        assertThat(validator.validate(TestStixObjects.indicator())).isEmpty();
        assertThat(validator.validate(TestStixObjects.relationship())).isEmpty();
        assertThat(validator.validate(TestStixObjects.sighting())).isEmpty();
        assertThat(validator.validate(TestStixObjects.ipv4Address())).isEmpty();
        assertThat(validator.validate(TestStixObjects.tlpGreen())).isEmpty();
    }

    @Test
    void validateWhenNotAnObjectThenRefused() {
        assertThat(validator.validate(StixJson.mapper().readTree("[1]")))
                .containsExactly(new StixViolation("", "a STIX object must be a JSON object"));
    }

    @Test
    void validateWhenRequiredPropertyMissingThenNamesIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.remove("valid_from");

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("valid_from", "is required on an indicator"));
    }

    @Test
    void validateWhenCommonPropertyMissingOnSdoThenNamesIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.remove("modified");

        assertThat(properties(validator.validate(indicator))).containsExactly("modified");
    }

    @Test
    void validateWhenIdMalformedThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("id", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3");

        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("id");
            assertThat(v.message()).contains("invalid UUID part");
        });
    }

    @Test
    void validateWhenIdTypeDiffersFromTypeThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("id", "type part 'malware' does not match type 'indicator'"));
    }

    @Test
    void validateWhenTypeInvalidThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("type", "Indicator");

        assertThat(properties(validator.validate(indicator))).contains("type");
    }

    @Test
    void validateWhenTimestampMalformedThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("valid_from", "2016-01-01 00:00:00");

        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("valid_from");
            assertThat(v.message()).contains("not an RFC 3339 UTC timestamp");
        });
    }

    @Test
    void validateWhenCreatedWithoutMillisecondsThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("created", "2016-04-06T20:03:48Z");

        // modified (".000Z") now sorts before created as text, which the OASIS validator refuses too.
        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("created", "must have at least millisecond precision (§3.2)"),
                new StixViolation("modified", "must not be earlier than created (the same instant, but written so that it sorts before it)"));
    }

    @Test
    void validateWhenModifiedBeforeCreatedThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("modified", "2016-04-06T20:03:47.999Z");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("modified", "must not be earlier than created"));
    }

    @Test
    void validateWhenValidUntilNotAfterValidFromThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("valid_until", "2016-01-01T00:00:00Z");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("valid_until", "must be later than valid_from"));
    }

    @Test
    void validateWhenLastSeenBeforeFirstSeenThenRefused() {
        ObjectNode sighting = TestStixObjects.sighting();
        sighting.put("last_seen", "2015-12-21T18:59:59Z");

        assertThat(validator.validate(sighting)).containsExactly(
                new StixViolation("last_seen", "must be later than first_seen"));
    }

    @Test
    void validateWhenSpecVersionWrongThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("spec_version", "2.0");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("spec_version", "must be \"2.1\", not \"2.0\""));
    }

    @Test
    void validateWhenSpecVersionMissingOnScoThenAccepted() {
        ObjectNode address = TestStixObjects.ipv4Address();
        address.remove("spec_version");

        assertThat(validator.validate(address)).isEmpty();
    }

    @Test
    void validateWhenSpecVersionWrongOnScoThenRefused() {
        ObjectNode address = TestStixObjects.ipv4Address();
        address.put("spec_version", "2.0");

        assertThat(properties(validator.validate(address))).containsExactly("spec_version");
    }

    @Test
    void validateWhenReferenceIsNotAnIdentifierThenRefused() {
        ObjectNode relationship = TestStixObjects.relationship();
        relationship.put("target_ref", "malware-31b940d4");

        assertThat(validator.validate(relationship)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("target_ref");
            assertThat(v.message()).contains("is not of the form type--UUID");
        });
    }

    @Test
    void validateWhenRefsListEmptyThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putArray("object_marking_refs");

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("object_marking_refs",
                "must not be an empty list: STIX 2.1 prohibits empty lists; leave the property out instead"));
    }

    @Test
    void validateWhenCreatedByRefTargetsWrongTypeThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("created_by_ref", "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("created_by_ref", "must reference identity, not malware"));
    }

    @Test
    void validateWhenMarkingRefTargetsWrongTypeThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putArray("object_marking_refs").add(TestStixObjects.IDENTITY);

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("object_marking_refs[0]", "must reference marking-definition, not identity"));
    }

    @Test
    void validateWhenRelationshipTargetIsSroThenRefused() {
        ObjectNode relationship = TestStixObjects.relationship();
        relationship.put("target_ref", "sighting--ee20065d-2555-424f-ad9e-0f8428623c75");

        assertThat(validator.validate(relationship)).containsExactly(
                new StixViolation("target_ref", "must reference an SDO or SCO, not sighting"));
    }

    @Test
    void validateWhenRelationshipTargetIsScoThenAccepted() {
        ObjectNode relationship = TestStixObjects.relationship();
        relationship.put("target_ref", "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd");

        assertThat(validator.validate(relationship)).isEmpty();
    }

    @Test
    void validateWhenSightingRefsTargetWrongTypesThenEachIsNamed() {
        ObjectNode sighting = TestStixObjects.sighting();
        sighting.put("sighting_of_ref", "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd");
        sighting.putArray("where_sighted_refs").add(TestStixObjects.IDENTITY).add("malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b");
        sighting.putArray("observed_data_refs").add(TestStixObjects.IDENTITY);

        assertThat(validator.validate(sighting)).containsExactlyInAnyOrder(
                new StixViolation("sighting_of_ref", "must reference an SDO, not ipv4-addr"),
                new StixViolation("where_sighted_refs[1]", "must reference identity or location, not malware"),
                new StixViolation("observed_data_refs[0]", "must reference observed-data, not identity"));
    }

    @Test
    void validateWhenNestedReferenceInExtensionIsBadThenPathNamesIt() {
        ObjectNode traffic = TestStixObjects.parse("""
                {"type": "network-traffic", "id": "network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
                 "src_ref": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "protocols": ["tcp", "http"],
                 "extensions": {"http-request-ext": {"request_method": "get", "request_value": "/",
                   "message_body_data_ref": "file--not-a-uuid"}}}
                """);

        assertThat(validator.validate(traffic)).singleElement().satisfies(v ->
                assertThat(v.property()).isEqualTo("extensions.http-request-ext.message_body_data_ref"));
    }

    @Test
    void validateWhenGranularMarkingMalformedThenEachProblemIsNamed() {
        ObjectNode indicator = TestStixObjects.indicator();
        ArrayNode markings = indicator.putArray("granular_markings");
        markings.addObject().put("marking_ref", TestStixObjects.TLP_GREEN).put("lang", "en").putArray("selectors").add("name");
        markings.addObject().put("marking_ref", TestStixObjects.IDENTITY).putArray("selectors");

        assertThat(validator.validate(indicator)).containsExactlyInAnyOrder(
                new StixViolation("granular_markings[0]", "needs exactly one of marking_ref and lang"),
                new StixViolation("granular_markings[1].selectors",
                        "must not be an empty list: STIX 2.1 prohibits empty lists; leave the property out instead"),
                new StixViolation("granular_markings[1].marking_ref", "must reference marking-definition, not identity"));
    }

    @Test
    void validateWhenExternalReferenceLacksSourceNameThenPathHasItsIndex() {
        ObjectNode indicator = TestStixObjects.indicator();
        ArrayNode references = indicator.putArray("external_references");
        references.addObject().put("source_name", "capec").put("external_id", "CAPEC-163");
        references.addObject().put("url", "https://example.com/report");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("external_references[1].source_name", "is required and must be a string"));
    }

    @Test
    void validateWhenCveReferenceHasBadIdThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putArray("external_references").addObject().put("source_name", "cve").put("external_id", "CVE-16-1");

        assertThat(properties(validator.validate(indicator))).containsExactly("external_references[0].external_id");
    }

    @Test
    void validateWhenKillChainPhaseIncompleteThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putArray("kill_chain_phases").addObject().put("kill_chain_name", "lockheed-martin-cyber-kill-chain");

        assertThat(properties(validator.validate(indicator))).containsExactly("kill_chain_phases[0].phase_name");
    }

    @Test
    void validateWhenConfidenceOutOfRangeThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("confidence", 101);

        assertThat(properties(validator.validate(indicator))).containsExactly("confidence");
    }

    @Test
    void validateWhenLangOrLabelsMalformedThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("lang", "english language");
        indicator.putArray("labels").add("ok").add(3);

        assertThat(properties(validator.validate(indicator))).containsExactlyInAnyOrder("lang", "labels[1]");
    }

    @Test
    void validateWhenCustomPropertyNameInvalidThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("x_trilateral_ok", "fine");
        indicator.put("x-Bad-Name", "bad");
        indicator.put("xy", "too short");

        assertThat(properties(validator.validate(indicator))).containsExactlyInAnyOrder("x-Bad-Name", "xy");
    }

    @Test
    void validateWhenPatternDoesNotParseThenPositionIsInTheMessage() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern", "[ipv4-addr:value = '198.51.100.1' AND]");

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("pattern",
                "is not a valid STIX pattern: at offset 37: expected an object path, EXISTS or '(' but found ']'"));
    }

    @Test
    void validateWhenPatternTypeIsNotStixThenPatternIsNotParsed() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern_type", "sigma");
        indicator.put("pattern", "title: not a stix pattern");

        assertThat(validator.validate(indicator)).isEmpty();
    }

    @Test
    void validateWhenCustomSdoTypeWithCommonPropertiesThenAccepted() {
        ObjectNode custom = TestStixObjects.parse("""
                {"type": "x-persona", "spec_version": "2.1", "id": "x-persona--2f8d1c3a-5b6e-4f7a-8c9d-0e1f2a3b4c5d",
                 "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
                 "x_handle_sha256": "ab"}
                """);

        assertThat(validator.validate(custom)).isEmpty();
    }

    @Test
    void validateWhenCustomSdoTypeLacksSpecVersionThenRefused() {
        ObjectNode custom = TestStixObjects.parse("""
                {"type": "x-persona", "id": "x-persona--2f8d1c3a-5b6e-4f7a-8c9d-0e1f2a3b4c5d",
                 "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z"}
                """);

        assertThat(validator.validate(custom)).containsExactly(
                new StixViolation("spec_version", "is required on a custom SDO-like object"));
    }

    @Test
    void validateWhenCustomScoDeclaredByExtensionThenOnlyScoRulesApply() {
        ObjectNode custom = TestStixObjects.parse("""
                {"type": "x-wallet", "id": "x-wallet--2f8d1c3a-5b6e-4f7a-8c9d-0e1f2a3b4c5d", "address": "bc1q",
                 "extensions": {"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {"extension_type": "new-sco"}}}
                """);

        assertThat(validator.validate(custom)).isEmpty();
    }

    @Test
    void validateWhenExtensionDefinitionExtensionLacksTypeThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putObject("extensions").putObject("extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e").put("rank", 1);

        assertThat(properties(validator.validate(indicator))).containsExactly(
                "extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type");
    }

    @Test
    void validateWhenLocationHasOnlyLatitudeThenRefused() {
        ObjectNode location = TestStixObjects.parse("""
                {"type": "location", "spec_version": "2.1", "id": "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
                 "created": "2016-04-06T20:03:00.000Z", "modified": "2016-04-06T20:03:00.000Z", "latitude": 48.8566}
                """);

        assertThat(properties(validator.validate(location))).containsExactlyInAnyOrder("", "longitude");
    }

    @Test
    void validateWhenMalwareFamilyHasNoNameThenRefused() {
        ObjectNode malware = TestStixObjects.parse("""
                {"type": "malware", "spec_version": "2.1", "id": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
                 "created": "2016-04-06T20:07:09.000Z", "modified": "2016-04-06T20:07:09.000Z", "is_family": true}
                """);

        assertThat(validator.validate(malware)).containsExactly(new StixViolation("name", "is required when is_family is true"));
    }

    @Test
    void validateWhenScoReferenceTargetsWrongTypeThenRefused() {
        ObjectNode email = TestStixObjects.parse("""
                {"type": "email-message", "id": "email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265", "is_multipart": false,
                 "from_ref": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "body": "hi"}
                """);

        assertThat(validator.validate(email)).containsExactly(
                new StixViolation("from_ref", "must reference email-addr, not ipv4-addr"));
    }

    @Test
    void validateWhenMarkingDefinitionTlpUnknownThenRefused() {
        ObjectNode marking = TestStixObjects.tlpGreen();
        marking.putObject("definition").put("tlp", "purple");

        assertThat(properties(validator.validate(marking))).containsExactly("definition.tlp");
    }

    @Test
    void validateWhenBundleGivenThenRefused() {
        ObjectNode bundle = TestStixObjects.parse("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
                 "objects": [{"type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.3"}]}
                """);

        assertThat(properties(validator.validate(bundle))).containsExactly("type");
    }

    @Test
    void validateWhenPropertiesHaveWrongJsonTypesThenViolationsNotExceptions() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("created", 5);
        indicator.put("external_references", "x");
        indicator.putArray("kill_chain_phases").add(1);
        indicator.putArray("granular_markings").add("x");
        indicator.put("extensions", 5);
        indicator.put("created_by_ref", 7);
        indicator.put("pattern", 3);

        assertThat(properties(validator.validate(indicator))).containsExactlyInAnyOrder("created", "external_references",
                "kill_chain_phases[0].kill_chain_name", "kill_chain_phases[0].phase_name", "granular_markings[0]",
                "extensions", "created_by_ref", "pattern");
    }

    @Test
    void validateWhenProcessHasOnlyCommonPropertiesThenRefused() {
        ObjectNode process = TestStixObjects.parse("""
                {"type": "process", "spec_version": "2.1", "id": "process--f52a906a-0dfc-40bd-92f1-e7778ead38a9"}
                """);

        assertThat(properties(validator.validate(process))).containsExactly("");
    }

    @Test
    void validateWhenArtifactHasBothPayloadAndUrlThenRefused() {
        ObjectNode artifact = TestStixObjects.parse("""
                {"type": "artifact", "id": "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641",
                 "payload_bin": "VBORw0KGgoAAAANSUhEUgAAADI=", "url": "https://example.com/a.bin"}
                """);

        assertThat(properties(validator.validate(artifact))).containsExactlyInAnyOrder("payload_bin", "hashes");
    }

    // The classes of objects a fuzz campaign found accepted that the OASIS validator refuses (issue #9).

    @Test
    void validateWhenNameIsAnObjectThenRefusedNamingIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putObject("name");

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("name", "must be a string, not an object"));
    }

    @Test
    void validateWhenNameIsANumberThenRefusedNamingIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("name", 42);

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("name", "must be a string, not an integer"));
    }

    @Test
    void validateWhenIdentityClassIsAnObjectThenRefusedNamingIt() {
        ObjectNode identity = TestStixObjects.parse("""
                {"type": "identity", "spec_version": "2.1", "id": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
                 "created": "2016-04-06T20:03:00.000Z", "modified": "2016-04-06T20:03:00.000Z", "name": "ACME",
                 "identity_class": {}}
                """);

        assertThat(validator.validate(identity)).containsExactly(
                new StixViolation("identity_class", "must be a string, not an object"));
    }

    @Test
    void validateWhenIndicatorTypesIsAStringThenRefusedNamingIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("indicator_types", "malicious-activity");

        assertThat(validator.validate(indicator)).containsExactly(
                new StixViolation("indicator_types", "must be a list, not a string"));
    }

    @Test
    void validateWhenCustomPropertyIsNullOrAnEmptyListThenRefusedNamingIt() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.putNull("x_acme_score");
        indicator.putArray("x_acme_tags");
        indicator.putObject("x_acme_detail").putArray("sources").addNull();

        assertThat(validator.validate(indicator)).containsExactlyInAnyOrder(
                new StixViolation("x_acme_score", "must not be null: STIX 2.1 has no null values; leave an optional property out instead"),
                new StixViolation("x_acme_tags", "must not be an empty list: STIX 2.1 prohibits empty lists; leave the property out instead"),
                new StixViolation("x_acme_detail.sources[0]", "must not be null: STIX 2.1 has no null values; leave an optional property out instead"));
    }

    @Test
    void validateWhenCustomPropertyNameBreaksSection31ThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("x_Acme", 1);
        indicator.put("1_acme", 1);
        indicator.put("ab", 1);

        assertThat(properties(validator.validate(indicator))).containsExactlyInAnyOrder("x_Acme", "1_acme", "ab");
    }

    @Test
    void validateWhenCustomHexOrBinaryPropertyIsMalformedThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("x_magic_hex", "xyz");
        indicator.put("x_blob_bin", "not base64!");

        assertThat(validator.validate(indicator)).containsExactlyInAnyOrder(
                new StixViolation("x_magic_hex", "must be hexadecimal (§2.4): the name ends in _hex"),
                new StixViolation("x_blob_bin", "must be base64 (§2.2, RFC 4648 §4): the name ends in _bin"));
    }

    @Test
    void validateWhenPatternComparesAHashWithAValueOfTheWrongFormThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern", "[file:hashes.'SHA-256' = 'xyz']");

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("pattern",
                "in file:hashes.'SHA-256' = 'xyz': 'xyz' is not a valid SHA-256 hash (64 hexadecimal digits)"));
    }

    @Test
    void validateWhenPatternHashesHaveTheirFormsThenAccepted() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern", "[file:hashes.'SHA-256' = '" + "ab".repeat(32) + "' OR file:hashes.MD5 IN ('"
                + "0".repeat(32) + "', '" + "F".repeat(32) + "') OR file:hashes.x_acme LIKE 'a%']");

        assertThat(validator.validate(indicator)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427']",
            "[file:hashes.sha1 = 'zz']",
            "[artifact:hashes.'SHA-512' IN ('abc')]",
            "[file:hashes.'SHA-256' = 5]",
            "[file:extensions.'windows-pebinary-ext'.sections[*].hashes.'SHA3-256' = 'abc']",
            "[file:name = 'a'] FOLLOWEDBY [x509-certificate:hashes.'SHA-1' != 'abc']"})
    void validateWhenPatternHashIsMalformedAnywhereThenRefusedOnPattern(String pattern) {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern", pattern);

        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("pattern");
            assertThat(v.message()).contains("hash");
        });
    }

    @Test
    void validateWhenObjectHashOfKnownAlgorithmMalformedThenRefusedNamingIt() {
        ObjectNode file = TestStixObjects.parse("""
                {"type": "file", "id": "file--5a27d487-c542-5f97-a131-a8866b477b46", "name": "a.exe",
                 "hashes": {"SHA-256": "xyz", "sha1": "abc", "x_acme": "anything", "a": "short key"}}
                """);

        assertThat(validator.validate(file)).containsExactlyInAnyOrder(
                new StixViolation("hashes.SHA-256", "'xyz' is not a valid SHA-256 hash (64 hexadecimal digits)"),
                new StixViolation("hashes.sha1", "'abc' is not a valid SHA-1 hash (40 hexadecimal digits)"),
                new StixViolation("hashes.a", "is not a valid hash algorithm name (§2.7: 3 to 250 of a-z, A-Z, 0-9, '-' and '_')"));
    }

    @Test
    void validateWhenNestedExtensionPropertyHasTheWrongTypeThenRefusedNamingThePath() {
        ObjectNode file = TestStixObjects.parse("""
                {"type": "file", "id": "file--5a27d487-c542-5f97-a131-a8866b477b46", "name": "a.exe",
                 "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "sections": [{"name": ".text", "entropy": "high"}]}}}
                """);

        assertThat(validator.validate(file)).containsExactly(new StixViolation(
                "extensions.windows-pebinary-ext.sections[0].entropy", "must be a number, not a string"));
    }

    @Test
    void validateWhenIdUuidIsNotRfc4122ThenRefused() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("id", "indicator--00000000-0000-0000-0000-000000000000");

        assertThat(properties(validator.validate(indicator))).containsExactly("id");
    }

    @Test
    void validateWhenDeeperThanTheLimitThenRefusedNamingTheLimitAndNothingElseIsChecked() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("name", 5);
        ObjectNode deep = indicator.putObject("x_deep");
        for (int i = 0; i < 40; i++) {
            deep = deep.putObject("a");
        }

        assertThat(validator.validate(indicator)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("x_deep" + ".a".repeat(31));
            assertThat(v.message()).isEqualTo("nests lists and objects more than 32 levels deep, the limit (object depth limit)");
        });
    }

    @Test
    void validateWhenStringsLongerThanTheirLimitsThenEachRefusedNamingTheLimit() {
        StixObjectValidator small = new StixObjectValidator(new StixObjectLimits(8, 20, 10, 288, 5, 30,
                new org.trilateral.taxonomy.pattern.PatternLimits(40, 4, 4)));
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("name", "n".repeat(6));
        indicator.put("description", "d".repeat(31));
        indicator.put("pattern", "[file:name = '" + "a".repeat(30) + "']");
        indicator.putArray("labels").add("l".repeat(289));

        assertThat(small.validate(indicator)).containsExactlyInAnyOrder(
                new StixViolation("name", "is 6 characters long, more than the limit of 5 (name length limit)"),
                new StixViolation("description", "is 31 characters long, more than the limit of 30 (description length limit)"),
                new StixViolation("pattern", "is 46 characters long, more than the limit of 40 (pattern length limit)"),
                new StixViolation("labels[0]", "is 289 characters long, more than the limit of 288 (string length limit)"));
    }

    @Test
    void validateWhenListOrObjectLargerThanTheLimitThenRefusedNamingTheLimit() {
        StixObjectValidator small = new StixObjectValidator(new StixObjectLimits(8, 20, 3, 300, 100, 100,
                org.trilateral.taxonomy.pattern.PatternLimits.DEFAULTS));
        ObjectNode listy = TestStixObjects.indicator();
        listy.putArray("labels").add("a").add("b").add("c").add("d");
        ObjectNode wide = TestStixObjects.indicator();
        for (int i = 0; i < 20; i++) {
            wide.put("x_p" + i, i);
        }

        assertThat(small.validate(listy)).containsExactly(
                new StixViolation("labels", "has 4 items, more than the limit of 3 (list length limit)"));
        assertThat(small.validate(wide)).containsExactly(
                new StixViolation("", "has 32 properties, more than the limit of 20 (property count limit)"));
    }

    @Test
    void validateWhenPatternNestsOrRunsBeyondThePatternLimitsThenRefusedNamingThem() {
        ObjectNode indicator = TestStixObjects.indicator();
        indicator.put("pattern", "(".repeat(30_000) + "[file:name = 'a']" + ")".repeat(30_000));

        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("pattern", "is not a valid STIX pattern: "
                + "at offset 32: the pattern nests parentheses and brackets more than 32 levels deep, the limit (pattern nesting limit)"));
        indicator.put("pattern", "[file:name = 'a'" + " AND file:name = 'a'".repeat(20_000) + "]");
        assertThat(validator.validate(indicator)).containsExactly(new StixViolation("pattern",
                "is 400017 characters long, more than the limit of 65536 (pattern length limit)"));
    }

    @Test
    void validateWhenSchemaPatternPropertyIsVeryLongThenRefusedWithoutRunningTheExpression() {
        ObjectNode mac = TestStixObjects.parse("""
                {"type": "mac-addr", "id": "mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00"}
                """);
        mac.put("value", "aa:".repeat(20_000));

        assertThat(validator.validate(mac)).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("value");
            assertThat(v.message()).contains("longer than the 1000 characters");
        });
    }

    private static List<String> properties(List<StixViolation> violations) {
        return violations.stream().map(StixViolation::property).toList();
    }
}

package org.trilateral.taxonomy.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.trilateral.taxonomy.testing.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StixPatternTest {

    @TestFactory
    Stream<DynamicTest> parseWhenOasisSamplePatternThenAcceptedAndRoundTrips() throws IOException {
        List<String> patterns = SharedFixtures.oasisSamples().values().stream()
                .filter(o -> "stix".equals(o.path("pattern_type").asString()))
                .map(o -> o.path("pattern").asString())
                .toList();
        assertThat(patterns).hasSizeGreaterThan(40);
        return patterns.stream().map(pattern -> DynamicTest.dynamicTest(pattern,
                () -> assertThat(StixPattern.parse(StixPattern.parse(pattern).toString())).isEqualTo(StixPattern.parse(pattern))));
    }

    /** Patterns from the examples of STIX 2.1 §9.7 and the comparison/observation tables of §9.4–§9.5. */
    @ParameterizedTest
    @ValueSource(strings = {
            "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
            "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
            "[file:hashes.'SHA-256' = 'aec0' AND file:mime_type = 'application/x-pdf']",
            "[file:hashes.'SHA-256' = 'bf07' OR file:hashes.MD5 = 'cead'] OR [file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4']",
            "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
            "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
            "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
            "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\System\\\\Foo\\\\Bar']",
            "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
            "[file:mime_type = 'application/x-pdf' AND file:extensions.'pdf-ext'.version LIKE '1.%']",
            "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
            "[file:hashes.'SHA-256' = 'ab'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.1'] WITHIN 300 SECONDS",
            "([file:name = 'a'] AND [file:name = 'b']) START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
            "[network-traffic:dst_port IN (80, 443, 8080)]",
            "[network-traffic:dst_port NOT IN (80, 443)]",
            "[file:size >= -1 AND file:size <= +1024 AND file:size < 2.5 AND file:size > .5]",
            "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
            "[file:hashes.MD5 = h'0123456789abcdef']",
            "[user-account:is_privileged = true AND user-account:is_disabled != false]",
            "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
            "[ipv4-addr:value ISSUPERSET '198.51.100.1']",
            "[EXISTS windows-registry-key:values[0].data]",
            "[process:created_time = t'2020-01-01T00:00:00.123456Z']",
            "[x-custom-thing:'odd-name'[-1].x = 'y']",
            "[file:name NOT = 'x']",
            "[ (file:name = 'a' OR file:name = 'b') AND file:size = 1 ]",
            "/* block */ [file:name = 'a'] // trailing\n",
            "[file:name == 'a' AND file:size <> 2]",
            "[(file:name = 'a' OR ipv4-addr:value = '1.2.3.4') AND file:size = 1]",
            "([a-b:c = 1] WITHIN 5 SECONDS) WITHIN 6 SECONDS"
    })
    void parseWhenValidThenRoundTripsThroughCanonicalText(String text) {
        StixPattern pattern = StixPattern.parse(text);

        assertThat(StixPattern.parse(pattern.toString())).isEqualTo(pattern);
    }

    @Test
    void parseWhenCompositeThenOperatorPrecedenceFollowsSection96() {
        StixPattern pattern = StixPattern.parse("[a-a:x = 1] OR [b-b:x = 1] AND [c-c:x = 1] FOLLOWEDBY [d-d:x = 1]");

        ObservationExpression.Composite followedBy = (ObservationExpression.Composite) pattern.root();
        assertThat(followedBy.operator()).isEqualTo(ObservationOperator.FOLLOWEDBY);
        ObservationExpression.Composite or = (ObservationExpression.Composite) followedBy.operands().get(0);
        assertThat(or.operator()).isEqualTo(ObservationOperator.OR);
        assertThat(((ObservationExpression.Composite) or.operands().get(1)).operator()).isEqualTo(ObservationOperator.AND);
    }

    @Test
    void parseWhenChainOfOneOperatorThenOneNodeWithEveryOperandInOrder() {
        StixPattern pattern = StixPattern.parse("[a-a:x = 1] OR [b-b:x = 1] OR [c-c:x = 1 AND c-c:y = 2 AND c-c:z = 3]");

        ObservationExpression.Composite or = (ObservationExpression.Composite) pattern.root();
        assertThat(or.operands()).hasSize(3);
        ComparisonExpression.Composite and = (ComparisonExpression.Composite)
                ((ObservationExpression.Observation) or.operands().get(2)).comparison();
        assertThat(and.operands()).extracting(Object::toString).containsExactly("c-c:x = 1", "c-c:y = 2", "c-c:z = 3");
        assertThat(pattern).hasToString("[a-a:x = 1] OR [b-b:x = 1] OR [c-c:x = 1 AND c-c:y = 2 AND c-c:z = 3]");
    }

    @Test
    void comparisonsWhenNestedThenEveryComparisonInTextOrder() {
        StixPattern pattern = StixPattern.parse(
                "([file:name = 'a' OR (file:size = 1 AND EXISTS file:mime_type)] FOLLOWEDBY [url:value = 'u']) WITHIN 5 SECONDS");

        assertThat(pattern.comparisons()).extracting(Object::toString)
                .containsExactly("file:name = 'a'", "file:size = 1", "EXISTS file:mime_type", "url:value = 'u'");
    }

    @Test
    void parseWhenQualifiersThenTheyApplyToThePrecedingExpression() {
        StixPattern pattern = StixPattern.parse("[file:name = 'a'] REPEATS 5 TIMES WITHIN 1800.5 SECONDS");

        ObservationExpression.Qualified within = (ObservationExpression.Qualified) pattern.root();
        assertThat(within.qualifier()).hasToString("WITHIN 1800.5 SECONDS");
        ObservationExpression.Qualified repeats = (ObservationExpression.Qualified) within.expression();
        assertThat(repeats.qualifier()).isEqualTo(new Qualifier.Repeats(BigInteger.valueOf(5)));
    }

    @Test
    void parseWhenStringHasEscapesThenValueIsUnescaped() {
        StixPattern pattern = StixPattern.parse("[file:name = 'it\\'s a \\\\ path']");

        ComparisonExpression.Comparison comparison = (ComparisonExpression.Comparison)
                ((ObservationExpression.Observation) pattern.root()).comparison();
        assertThat(comparison.value()).isEqualTo(new PatternLiteral.StringLiteral("it's a \\ path"));
        assertThat(pattern).hasToString("[file:name = 'it\\'s a \\\\ path']");
    }

    @Test
    void parseWhenPathHasQuotedNamesAndIndexesThenStepsAreKept() {
        StixPattern pattern = StixPattern.parse("[file:extensions.'windows-pebinary-ext'.sections[2].name = 'x']");

        ComparisonExpression.Comparison comparison = (ComparisonExpression.Comparison)
                ((ObservationExpression.Observation) pattern.root()).comparison();
        assertThat(comparison.path().objectType()).isEqualTo("file");
        assertThat(comparison.path().steps()).hasSize(5);
        assertThat(comparison.path()).hasToString("file:extensions.'windows-pebinary-ext'.sections[2].name");
    }

    @Test
    void objectTypesWhenSeveralThenListsEachOnceInOrder() {
        StixPattern pattern = StixPattern.parse(
                "[domain-name:value = 'a' OR ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'b' OR url:value = 'c']");

        assertThat(pattern.objectTypes()).containsExactly("domain-name", "ipv4-addr", "url");
    }

    @Test
    void toStringWhenSpacingAndAlternativeOperatorsThenCanonical() {
        assertThat(StixPattern.parse("[ file:name=='a'  AND file:size<>2 ]  WITHIN  10 SECONDS"))
                .hasToString("[file:name = 'a' AND file:size != 2] WITHIN 10 SECONDS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[file:name = 'a' AND file:size = 1 | 34 | expected ']' but found end of pattern",
            "[file:name = 'a'] AND | 21 | expected '[' or '(' but found end of pattern",
            "file:name = 'a' | 0 | expected '[' or '(' but found 'file'",
            "[file:name 'a'] | 11 | expected a comparison operator",
            "[file:name = 'a' file:size = 1] | 17 | expected ']' but found 'file'",
            "[file:name = 'a] | 13 | literal is not closed with a quote",
            "[file:name = 'a\\b'] | 15 | invalid escape sequence",
            "[file:name LIKE 5] | 16 | expected a string literal after LIKE but found '5'",
            "[file:size > true] | 13 | a boolean cannot be ordered",
            "[file:size IN 1] | 14 | expected '(' to start the set after IN",
            "[file:size IN (1, 2] | 19 | expected ',' or ')' in the set but found ']'",
            "[file:name = 'a' AND ipv4-addr:value = '1.2.3.4'] | 21 | must refer to the same object type",
            "[file:name = 'a'] WITHIN 0 SECONDS | 18 | positive number of seconds",
            "[file:name = 'a'] WITHIN -5 SECONDS | 25 | expected a positive number of seconds",
            "[file:name = 'a'] WITHIN 5 MINUTES | 27 | expected SECONDS but found 'MINUTES'",
            "[file:name = 'a'] REPEATS 1.5 TIMES | 26 | expected a positive integer after REPEATS",
            "[file:name = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS | 35 | duplicate WITHIN qualifier",
            "[file:name = 'a'] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z' | 18 | is not later than START",
            "[file:name = 'a'] START t'2016-13-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z' | 24 | is not an RFC 3339 UTC timestamp",
            "[file:name = 'a'] START '2016-01-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z' | 24 | expected a timestamp literal",
            "[file:extensions.windows-pebinary-ext.x = 1] | 17 | quote it as 'windows-pebinary-ext'",
            "[File:name = 'a'] | 1 | is not a valid STIX type name",
            "[file:name = h'abc'] | 13 | even number of hexadecimal digits",
            "[file:name = b'abc'] | 13 | not valid base64",
            "[file:size = 007] | 13 | leading zero",
            "[file:name = 'a'] FOLLOWEDBY | 28 | expected '[' or '(' but found end of pattern",
            "[file:sections[x] = 1] | 15 | expected a list index or '*'",
            "[file:name = 'a'] ] | 18 | expected AND, OR, FOLLOWEDBY or a qualifier but found ']'",
            "[file:name # 'a'] | 11 | unexpected character '#'",
            "\"\" | 0 | expected '[' or '(' but found end of pattern"
    })
    void parseWhenInvalidThenRefusedWithPosition(String text, int position, String reason) {
        assertThatThrownBy(() -> StixPattern.parse(text))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith("at offset " + position + ": ");
                });
    }

    @Test
    void parseWhenErrorOnSecondLineThenLineAndColumnAreGiven() {
        assertThatThrownBy(() -> StixPattern.parse("[file:name = 'a']\nAND [file:name = ]"))
                .isInstanceOfSatisfying(StixPatternException.class, e -> {
                    assertThat(e.position()).isEqualTo(35);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(18);
                    assertThat(e).hasMessage("at offset 35: expected a literal after = but found ']'");
                });
    }
}

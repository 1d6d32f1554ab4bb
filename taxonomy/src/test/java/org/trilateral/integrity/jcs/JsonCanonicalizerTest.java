package org.trilateral.integrity.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trilateral.taxonomy.testing.SharedFixtures;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonCanonicalizerTest {

    static Stream<String> publishedVectors() throws IOException {
        Path input = SharedFixtures.shared("test-vectors/jcs").resolve("input");
        try (Stream<Path> files = Files.list(input)) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedVectors")
    void canonicalizeWhenPublishedVectorThenExactlyTheExpectedBytes(String name) throws IOException {
        Path folder = SharedFixtures.shared("test-vectors/jcs");
        byte[] input = Files.readAllBytes(folder.resolve("input").resolve(name));
        byte[] expected = Files.readAllBytes(folder.resolve("output").resolve(name));

        byte[] canonical = JsonCanonicalizer.canonicalize(StixJson.mapper().readTree(input));

        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(canonical).isEqualTo(expected);
    }

    @Test
    void canonicalizeWhenKeysDifferOnlyAboveBmpThenSortedByUtf16CodeUnits() {
        // U+1F602 is the surrogate pair D83D DE02, which sorts before U+FB33 in UTF-16 though not in code points.
        String json = "{\"\\ufb33\":1,\"\\ud83d\\ude02\":2}";

        assertThat(canonical(json)).isEqualTo("{\"\uD83D\uDE02\":2,\"\uFB33\":1}");
    }

    @Test
    void canonicalizeWhenControlCharactersThenShortEscapesOrLowercaseHex() {
        assertThat(canonical("[\"\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f/\"]"))
                .isEqualTo("[\"\\b\\f\\n\\r\\t\\u0001\\u001f\u007f/\"]");
    }

    @Test
    void canonicalizeWhenNumbersThenEcmaScriptForm() {
        assertThat(canonical("[1.0, -0.0, 100, 1e21, 1e-7, 9007199254740992, 0.1]"))
                .isEqualTo("[1,0,100,1e+21,1e-7,9007199254740992,0.1]");
    }

    @Test
    void canonicalizeWhenNumberOverflowsDoubleThenRefusedNamingTheValue() {
        assertThatThrownBy(() -> canonical("{\"a\":[1e400]}"))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("1E+400")
                .hasMessageContaining("'/a/0'")
                .hasMessageContaining("not a finite");
    }

    @Test
    void canonicalizeWhenNumberUnderflowsToZeroThenRefused() {
        assertThatThrownBy(() -> canonical("[1e-400]"))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("would become 0");
    }

    @Test
    void canonicalizeWhenIntegerBeyondTwoTo53NotExactThenRefusedNamingTheValue() {
        assertThatThrownBy(() -> canonical("{\"n\":9007199254740993}"))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("9007199254740993")
                .hasMessageContaining("'/n'");
    }

    @Test
    void canonicalizeWhenIntegerBeyondTwoTo53ExactlyRepresentableThenAcceptedInShortestForm() {
        // 2^60 is an exact double; ECMAScript prints its shortest round-tripping digits.
        assertThat(canonical("[1152921504606846976]")).isEqualTo("[1152921504606847000]");
    }

    @Test
    void canonicalizeWhenTreeDeeperThanTheLimitThenRefusedNamingTheLimitAndWhere() {
        // Built in code, not parsed: a tree the strict reader would never give out.
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < 20_000; i++) {
            node = node.putObject("a");
        }

        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(root))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("deeper than 500 levels")
                .hasMessageContaining("'" + "/a".repeat(500) + "'");
    }

    @Test
    void canonicalizeWhenAtTheDepthLimitThenCanonical() {
        assertThat(new String(JsonCanonicalizer.canonicalize(StixJson.mapper().readTree("[[[1]]]"), 3), StandardCharsets.UTF_8))
                .isEqualTo("[[[1]]]");
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(StixJson.mapper().readTree("[[[1]]]"), 2))
                .isInstanceOf(CanonicalizationException.class).hasMessageContaining("'/0/0'");
    }

    @Test
    void strictMapperWhenNestingBeyondItsLimitThenRefusesToRead() {
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> StrictJson.mapper().readTree(deep))
                .isInstanceOf(tools.jackson.core.exc.StreamConstraintsException.class);
        assertThat(JsonCanonicalizer.canonicalize(StrictJson.mapper().readTree(deep.substring(1, deep.length() - 1)))).isNotEmpty();
    }

    @Test
    void canonicalizeWhenUnpairedSurrogateThenRefused() {
        ObjectNode object = JsonNodeFactory.instance.objectNode().put("s", "a\uD800b");

        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(object))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("\\ud800")
                .hasMessageContaining("'/s'");
    }

    @Test
    void canonicalizeWhenNestedThenNoWhitespaceAndMembersSortedAtEveryLevel() {
        assertThat(canonical("{ \"b\" : [ { \"z\":1, \"a\":2 } ], \"a\" : { \"y\": null, \"x\": true } }"))
                .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[{\"a\":2,\"z\":1}]}");
    }

    @ParameterizedTest
    @MethodSource("objectsWithAndWithoutTheMember")
    void canonicalizeOmittingWhenMemberPresentThenOmittedFormIsTheFormOfTheObjectWithoutIt(String json, String without) {
        CanonicalForms forms = JsonCanonicalizer.canonicalizeOmitting(StixJson.mapper().readTree(json), "extensions", "sig");

        assertThat(new String(forms.whole(), StandardCharsets.UTF_8)).isEqualTo(canonical(json));
        assertThat(new String(forms.omitted(), StandardCharsets.UTF_8)).isEqualTo(canonical(without));
    }

    static Stream<Arguments> objectsWithAndWithoutTheMember() {
        return Stream.of(
                // the only extension: "extensions" goes too, wherever it sorts among the members
                args("{\"name\":\"n\",\"extensions\":{\"sig\":{\"s\":[1]}},\"id\":\"x\"}", "{\"name\":\"n\",\"id\":\"x\"}"),
                args("{\"extensions\":{\"sig\":{}},\"z\":1}", "{\"z\":1}"),
                args("{\"a\":1,\"extensions\":{\"sig\":{}}}", "{\"a\":1}"),
                args("{\"extensions\":{\"sig\":{}}}", "{}"),
                // other extensions stay, whether the member sorts first, in the middle or last
                args("{\"a\":1,\"extensions\":{\"sig\":2,\"z\":3}}", "{\"a\":1,\"extensions\":{\"z\":3}}"),
                args("{\"extensions\":{\"a\":1,\"sig\":2,\"z\":3},\"b\":\"\u00e9\\n\"}",
                        "{\"extensions\":{\"a\":1,\"z\":3},\"b\":\"\u00e9\\n\"}"),
                args("{\"extensions\":{\"a\":{\"sig\":1},\"sig\":[{\"x\":\"\ud83d\ude02\"}]}}",
                        "{\"extensions\":{\"a\":{\"sig\":1}}}"),
                // nothing to leave out: both forms are the object's
                args("{\"extensions\":{\"other\":1},\"sig\":2}", "{\"extensions\":{\"other\":1},\"sig\":2}"),
                args("{\"extensions\":[\"sig\"]}", "{\"extensions\":[\"sig\"]}"),
                args("[1,{\"extensions\":{\"sig\":1}}]", "[1,{\"extensions\":{\"sig\":1}}]"));
    }

    private static Arguments args(String json, String without) {
        return Arguments.of(json, without);
    }

    @Test
    void canonicalizeOmittingWhenTheObjectHasNoFormThenRefusedAsCanonicalize() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.putObject("extensions").putObject("sig").put("s", "a\uDC00");

        assertThatThrownBy(() -> JsonCanonicalizer.canonicalizeOmitting(object, "extensions", "sig"))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("'/extensions/sig/s'");
    }

    @Test
    void canonicalizeWhenNonAsciiThenUtf8OfEveryPlane() {
        String text = "a\u00e9\u07ff\u0800\uffff\ud800\udc00\udbff\udfff";
        ObjectNode object = JsonNodeFactory.instance.objectNode().put("s", text);

        assertThat(JsonCanonicalizer.canonicalize(object))
                .isEqualTo(("{\"s\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(String json) {
        return new String(JsonCanonicalizer.canonicalize(StixJson.mapper().readTree(json)), StandardCharsets.UTF_8);
    }
}

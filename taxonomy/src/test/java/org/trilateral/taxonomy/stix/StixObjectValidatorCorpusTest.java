package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.testing.SharedFixtures;
import org.trilateral.taxonomy.extension.ExchangeObservables;
import org.trilateral.taxonomy.indicator.IndicatorBuilder;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.NameIdentifiers;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.testing.OasisSchemas;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validator against the OASIS STIX 2.1 JSON schemas as oracle, on a corpus of mutations of valid objects: the
 * OASIS samples in ../shared/stix2-json-schemas and what the project's own builders produce. Every property, at every
 * depth, is given each of the values {@code {} [] "" null 1 true 1.5 "x" [1] ["x"] {"x_a": 1}}; every object gets
 * custom properties holding nulls, empty lists and values of the wrong form, and custom properties with names STIX
 * forbids; every hash gets values of the wrong form. Each mutation that the schemas or the MUST rules they do not
 * express (no null and no empty list anywhere) forbid must be refused, with a violation naming the mutated property
 * (or the object as a whole). So must indicators whose patterns name hashes of the wrong form or cross the pattern
 * limits, and, for every tenth seed, a name, description, string, list, object or nesting beyond the exchange's
 * limits. Every original must be accepted. Mutations the schemas allow may still be refused where the exchange is
 * deliberately stricter; {@link #STRICTER} lists each such rule, and any other refusal fails the test. The counts of
 * the last run are written to target/stix-mutation-corpus.txt.
 */
class StixObjectValidatorCorpusTest {

    /** The values every property is replaced with, as JSON text. */
    private static final List<String> REPLACEMENTS = List.of("{}", "[]", "\"\"", "null", "1", "true", "1.5", "\"x\"",
            "[1]", "[\"x\"]", "{\"x_a\": 1}");

    /** Custom properties added to every object: name, value as JSON text. */
    private static final List<String[]> CUSTOM = List.of(
            new String[] {"x_null", "null"}, new String[] {"x_empty_list", "[]"}, new String[] {"x_list_of_null", "[null]"},
            new String[] {"x_nested_null", "{\"a\": null}"}, new String[] {"x_nested_empty", "{\"a\": []}"},
            new String[] {"x_list_in_list", "[[]]"}, new String[] {"x_bad_hex", "\"xyz\""}, new String[] {"x_bad_bin", "\"!!\""},
            new String[] {"X_upper", "1"}, new String[] {"xy", "1"}, new String[] {"1abc", "1"}, new String[] {"a-bc", "1"},
            new String[] {"x_fine", "{\"deep\": {\"er\": [1, \"two\", true]}}"});

    /**
     * Where the exchange refuses what the schemas allow, by a phrase of the violation: a MUST rule of STIX 2.1 or of
     * the OASIS validator that the schemas do not express.
     */
    private static final List<String> STRICTER = List.of(
            "is not a valid STIX pattern",                  // §9, the OASIS validator's patterns check: "x" is no pattern
            "is required and must be a non-empty string");  // §2.8: a kill-chain phase names its chain and phase

    private static OasisSchemas schemas;
    private static Map<String, JsonNode> seeds;
    private final StixObjectValidator validator = new StixObjectValidator();

    @BeforeAll
    static void load() throws IOException {
        schemas = OasisSchemas.load();
        seeds = new LinkedHashMap<>();
        SharedFixtures.oasisSamples().forEach(seeds::put);
        builtObjects().forEach(seeds::put);
    }

    @Test
    void validateWhenOriginalThenSchemaValidAndAccepted() {
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            assertThat(schemaErrors(seed.getValue())).as("schema errors of seed %s", seed.getKey()).isEmpty();
            assertThat(validator.validate(seed.getValue())).as("violations of seed %s", seed.getKey()).isEmpty();
        }
    }

    @Test
    void validateWhenMutatedThenRefusesWhatTheSchemasForbidNamingTheProperty() throws IOException {
        Map<String, Integer> refusedByKind = new TreeMap<>();
        Map<String, Integer> stricter = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int total = 0;
        int forbidden = 0;
        int index = 0;
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            // The size mutations are large: every tenth seed gets them.
            for (Mutation mutation : mutations(seed.getValue(), index++ % 10 == 0)) {
                total++;
                List<String> errors = mutation.forbidden() ? List.of() : schemaErrors(mutation.object());
                boolean mustRefuse = mutation.forbidden() || !errors.isEmpty() || hasNullOrEmptyList(mutation.object());
                List<StixViolation> violations = validator.validate(mutation.object());
                if (mustRefuse) {
                    forbidden++;
                    if (violations.isEmpty()) {
                        missed.add(seed.getKey() + " / " + mutation.description() + ": schema says " + errors);
                    } else if (violations.stream().noneMatch(v -> related(v.property(), mutation.path()))) {
                        missed.add(seed.getKey() + " / " + mutation.description() + ": refused, but not naming "
                                + mutation.path() + ": " + violations);
                    } else {
                        refusedByKind.merge(mutation.kind(), 1, Integer::sum);
                    }
                } else {
                    for (StixViolation violation : violations) {
                        if (STRICTER.stream().noneMatch(violation.message()::contains)) {
                            unexplained.add(seed.getKey() + " / " + mutation.description() + ": " + violation);
                        }
                        STRICTER.stream().filter(violation.message()::contains).forEach(p -> stricter.merge(p, 1, Integer::sum));
                    }
                }
            }
        }
        Files.writeString(Path.of("target", "stix-mutation-corpus.txt"), "mutations: " + total + "\nforbidden by the "
                + "schemas or MUST rules, refused naming the property: " + forbidden + "\nby kind: " + refusedByKind
                + "\nallowed by the schemas, refused by a stricter rule: " + stricter + "\n");
        int count = total;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missed).as("mutations the schemas forbid that the validator accepts or refuses for something else").isEmpty();
            softly.assertThat(unexplained).as("refusals of schema-valid mutations that no deliberate rule explains").isEmpty();
            softly.assertThat(count).isGreaterThan(20_000);
        });
    }

    /**
     * One changed copy of a seed: what changed, where, and of which kind the change is; {@code forbidden} when a rule
     * the schemas do not express (a pattern's hashes, the exchange's size limits) forbids it whatever they say.
     */
    private record Mutation(String kind, String path, String description, ObjectNode object, boolean forbidden) {
    }

    /** Patterns that parse but name hashes of the wrong form (the OASIS pattern validator's object_validator). */
    private static final List<String> BAD_HASH_PATTERNS = List.of(
            "[file:hashes.'SHA-256' = 'xyz']",
            "[file:hashes.MD5 = '" + "d".repeat(31) + "']",
            "[file:hashes.'SHA-1' = '" + "z".repeat(40) + "']",
            "[artifact:hashes.'SHA-512' IN ('" + "a".repeat(128) + "', 'abc')]",
            "[file:hashes.'SHA-256' = 5]",
            "[x509-certificate:hashes.'SHA3-256' = 'abc']",
            "[file:extensions.'windows-pebinary-ext'.sections[*].hashes.MD5 = 'abc']",
            "[file:name = 'a.exe' AND file:hashes.sha256 = 'abc']",
            "[file:name = 'a'] FOLLOWEDBY [file:hashes.TLSH = 'short']");

    /** Patterns that cross the default pattern limits. */
    private static final List<String> OVERSIZED_PATTERNS = List.of(
            "(".repeat(40) + "[file:name = 'a']" + ")".repeat(40),
            "[" + "(".repeat(40) + "file:name = 'a'" + ")".repeat(40) + "]",
            "[ipv4-addr:value = '198.51.100.1'" + " OR ipv4-addr:value = '198.51.100.1'".repeat(20_000) + "]");

    private static List<Mutation> mutations(JsonNode seed, boolean withSizes) {
        List<Mutation> mutations = new ArrayList<>();
        collect((ObjectNode) seed, "", 1, seed, mutations);
        if ("stix".equals(seed.path("pattern_type").asString(""))) {
            for (String pattern : BAD_HASH_PATTERNS) {
                mutations.add(forbidden(seed, "pattern hash", "pattern", "pattern = " + pattern, o -> o.put("pattern", pattern)));
            }
            for (String pattern : OVERSIZED_PATTERNS) {
                mutations.add(forbidden(seed, "size", "pattern", "pattern of " + pattern.length() + " characters",
                        o -> o.put("pattern", pattern)));
            }
        }
        if (withSizes) {
            if (seed.has("name")) {
                mutations.add(forbidden(seed, "size", "name", "name of 1,025 characters", o -> o.put("name", "n".repeat(1_025))));
            }
            mutations.add(forbidden(seed, "size", "description", "description of 262,145 characters",
                    o -> o.put("description", "d".repeat(262_145))));
            mutations.add(forbidden(seed, "size", "x_big", "custom string of 65,537 characters",
                    o -> o.put("x_big", "b".repeat(65_537))));
            mutations.add(forbidden(seed, "size", "x_long_list", "custom list of 10,001 items", o -> {
                ArrayNode list = o.putArray("x_long_list");
                for (int i = 0; i < 10_001; i++) {
                    list.add(i);
                }
            }));
            mutations.add(forbidden(seed, "size", "x_wide", "custom object of 1,001 properties", o -> {
                ObjectNode wide = o.putObject("x_wide");
                for (int i = 0; i < 1_001; i++) {
                    wide.put("p" + i, i);
                }
            }));
            mutations.add(forbidden(seed, "size", "x_deep", "custom value nested 40 deep", o -> {
                ObjectNode deep = o.putObject("x_deep");
                for (int i = 0; i < 40; i++) {
                    deep = deep.putObject("a");
                }
            }));
        }
        return mutations;
    }

    private static Mutation forbidden(JsonNode seed, String kind, String path, String description, Consumer<ObjectNode> change) {
        Mutation mutation = mutate(seed, kind, path, description, change);
        return new Mutation(kind, path, description, mutation.object(), true);
    }

    /** Mutations of every value under {@code node} (which is at {@code path} in {@code seed}). */
    private static void collect(JsonNode node, String path, int depth, JsonNode seed, List<Mutation> out) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String child = Violations.child(path, name);
                for (String replacement : REPLACEMENTS) {
                    JsonNode value = parse(replacement);
                    if (!value.equals(node.get(name))) {
                        out.add(mutate(seed, "type", child, child + " = " + replacement, at -> ((ObjectNode) at(at, path)).set(name, value)));
                    }
                }
                if (name.equals("hashes") && node.get(name).isObject()) {
                    for (String algorithm : node.get(name).propertyNames()) {
                        String hashPath = Violations.child(child, algorithm);
                        out.add(mutate(seed, "hash", hashPath, hashPath + " = 'xyz'",
                                at -> ((ObjectNode) at(at, child)).put(algorithm, "xyz")));
                    }
                    out.add(mutate(seed, "hash", Violations.child(child, "SHA-256"), child + ".SHA-256 of 63 digits",
                            at -> ((ObjectNode) at(at, child)).put("SHA-256", "a".repeat(63))));
                }
                if (depth < 6) {
                    collect(node.get(name), child, depth + 1, seed, out);
                }
            }
            for (String[] custom : CUSTOM) {
                String child = Violations.child(path, custom[0]);
                out.add(mutate(seed, "custom", child, child + " = " + custom[1],
                        at -> ((ObjectNode) at(at, path)).set(custom[0], parse(custom[1]))));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 2; i++) {
                collect(node.get(i), Violations.index(path, i), depth + 1, seed, out);
            }
        }
    }

    private static Mutation mutate(JsonNode seed, String kind, String path, String description, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) seed.deepCopy();
        change.accept(copy);
        return new Mutation(kind, path, description, copy, false);
    }

    /** The node at a path written as {@link Violations} writes them. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.(?![^\\[]*\\])")) {
            String name = part;
            List<Integer> indexes = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                for (String index : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
                    indexes.add(Integer.parseInt(index));
                }
            }
            node = node.get(name);
            for (int index : indexes) {
                node = node.get(index);
            }
        }
        return node;
    }

    /** A violation names the mutation when it is on the mutated property, above it or below it, or on the object. */
    private static boolean related(String property, String mutated) {
        return property.isEmpty() || property.equals(mutated) || mutated.startsWith(property + ".")
                || mutated.startsWith(property + "[") || property.startsWith(mutated + ".") || property.startsWith(mutated + "[");
    }

    private static boolean hasNullOrEmptyList(JsonNode node) {
        if (node.isNull() || node.isArray() && node.isEmpty()) {
            return true;
        }
        for (JsonNode child : node.values()) {
            if (hasNullOrEmptyList(child)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> schemaErrors(JsonNode object) {
        String type = object.path("type").asString("");
        for (String folder : List.of("sdos", "sros", "observables")) {
            if (Files.exists(SharedFixtures.shared("stix2-json-schemas").resolve("schemas").resolve(folder).resolve(type + ".json"))) {
                return schemas.errors(folder + "/" + type + ".json", object);
            }
        }
        if (List.of("marking-definition", "language-content", "extension-definition").contains(type)) {
            return schemas.errors("common/" + type + ".json", object);
        }
        boolean observable = !object.has("created") && !object.has("modified");
        return schemas.errors(observable ? "common/cyber-observable-core.json" : "common/core.json", object);
    }

    private static JsonNode parse(String json) {
        return StixJson.mapper().readTree(json);
    }

    /** What the project's builders produce: the objects members publish most. */
    private static Map<String, JsonNode> builtObjects() {
        String member = "identity--0f6a3d1e-2b7c-4e59-9a1d-3c4b5e6f7a8b";
        V1Sha256 scheme = new V1Sha256();
        Map<String, JsonNode> built = new LinkedHashMap<>();
        built.put("built wallet indicator", IndicatorBuilder.wallet(WalletAddress.parse("ethereum",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).createdByRef(member).marking(Tlp.AMBER).build());
        built.put("built persona indicator", IndicatorBuilder.personaIdentifier(scheme.digest(
                NameIdentifiers.passport("KIM UNG SUN", LocalDate.of(1990, 1, 2)))).createdByRef(member).marking(Tlp.RED).build());
        built.put("built network indicator", IndicatorBuilder.network(IpNetwork.parse("203.0.113.0/24"),
                IndicatorKind.LAPTOP_FARM_NETWORK).createdByRef(member).marking(Tlp.CLEAR).build());
        built.put("built wallet", ExchangeObservables.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")));
        built.put("built persona identifier", ExchangeObservables.personaIdentifier(
                scheme.digest(EmailIdentifiers.normalise("alice@example.com"))));
        built.put("test indicator", TestStixObjects.indicator());
        built.put("test sighting", TestStixObjects.sighting());
        built.put("test relationship", TestStixObjects.relationship());
        built.put("file with hashes", TestStixObjects.parse("""
                {"type": "file", "spec_version": "2.1", "id": "file--5a27d487-c542-5f97-a131-a8866b477b46",
                 "name": "payload.exe", "size": 1024,
                 "hashes": {"MD5": "9e107d9d372bb6826bd81d3542a419d6", "SHA-256": "%s", "x_custom_hash": "abc"}}
                """.formatted("aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f")));
        return built;
    }
}

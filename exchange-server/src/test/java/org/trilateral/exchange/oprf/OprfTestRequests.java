package org.trilateral.exchange.oprf;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.InputValidationException;
import org.trilateral.integrity.oprf.Proof;
import org.trilateral.integrity.oprf.VerifiableEvaluation;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.PersonaTokenRequest;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** Request bodies for the evaluation endpoint, valid and hostile, and reading its answers. */
final class OprfTestRequests {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private OprfTestRequests() {
    }

    /** The body of a request whose one batch of {@code kind} holds the given encodings as they are. */
    static String raw(int epoch, String kind, List<String> encodedElements) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("kind", kind);
        batch.put("blinded_elements", encodedElements);
        return StixJson.mapper().writeValueAsString(Map.of("epoch", epoch, "batches", List.of(batch)));
    }

    /** The body of {@code request} as a member sends it. */
    static String body(PersonaTokenRequest request) {
        List<Map<String, Object>> batches = new ArrayList<>();
        request.blindedElements().forEach((kind, elements) -> {
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("kind", kind.value());
            batch.put("blinded_elements", elements.stream().map(e -> B64.encodeToString(e.serialize())).toList());
            batches.add(batch);
        });
        return StixJson.mapper().writeValueAsString(Map.of("epoch", request.epoch().number(), "batches", batches));
    }

    /** The evaluations of an answer, by kind. */
    static Map<PersonaKind, VerifiableEvaluation> evaluations(String answer) {
        JsonNode json = StixJson.mapper().readTree(answer);
        Map<PersonaKind, VerifiableEvaluation> out = new EnumMap<>(PersonaKind.class);
        for (JsonNode batch : json.get("batches")) {
            List<Element> elements = new ArrayList<>();
            batch.get("evaluated_elements").forEach(e -> elements.add(Element.deserialize(Base64.getUrlDecoder().decode(e.stringValue()))));
            out.put(PersonaKind.fromValue(batch.get("kind").stringValue()).orElseThrow(),
                    new VerifiableEvaluation(elements, Proof.deserialize(Base64.getUrlDecoder().decode(batch.get("proof").stringValue()))));
        }
        return out;
    }

    /** The public key of {@code epoch} in a key set answer. */
    static Element publicKey(String keySet, KeyEpoch epoch) {
        for (JsonNode key : StixJson.mapper().readTree(keySet).get("keys")) {
            if (key.get("epoch").intValue() == epoch.number()) {
                return Element.deserialize(Base64.getUrlDecoder().decode(key.get("public_key").stringValue()));
            }
        }
        throw new AssertionError("no key of epoch " + epoch + " in " + keySet);
    }

    /** 0x02 || x for the smallest x that is not the x coordinate of any P-256 point. */
    static byte[] offCurve() {
        for (int x = 1; x < 1000; x++) {
            byte[] encoded = new byte[33];
            encoded[0] = 0x02;
            encoded[31] = (byte) (x >> 8);
            encoded[32] = (byte) x;
            try {
                Element.deserialize(encoded);
            } catch (InputValidationException e) {
                if (e.reason() == InputValidationException.Reason.NOT_ON_CURVE) {
                    return encoded;
                }
            }
        }
        throw new AssertionError("every small x is on the curve");
    }

    /** 0x02 || p: an x coordinate that is not below the field prime. */
    static byte[] xNotBelowPrime() {
        byte[] encoded = new byte[33];
        encoded[0] = 0x02;
        byte[] p = java.util.HexFormat.of().parseHex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
        System.arraycopy(p, 0, encoded, 1, 32);
        return encoded;
    }
}

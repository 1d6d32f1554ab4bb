package org.trilateral.exchange.oprf;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.InputValidationException;
import org.trilateral.integrity.oprf.VerifiableEvaluation;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.V2OprfP256;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of the evaluation endpoint. Elements and proofs travel as unpadded base64url of their RFC 9497 encodings
 * (33-byte compressed points, 64-byte proofs); a request is
 * {@code {"epoch":1,"batches":[{"kind":"email","blinded_elements":["A..."]}]}} and its answer
 * {@code {"epoch":1,"batches":[{"kind":"email","evaluated_elements":["A..."],"proof":"..."}]}}.
 */
final class OprfJson {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OprfJson() {
    }

    /**
     * The request in {@code body}.
     *
     * @throws Refusal INVALID naming the member that is wrong, e.g. {@code batches[0].blinded_elements[2]} for an
     *     element off the curve
     */
    static EvaluationRequest request(JsonNode body, int maxElements) {
        for (String name : body.propertyNames()) {
            if (!name.equals("epoch") && !name.equals("batches")) {
                throw Refusal.invalid(name, "unknown member \"" + name + "\"; a request has \"epoch\" and \"batches\"");
            }
        }
        JsonNode epochNode = body.get("epoch");
        if (epochNode == null || !epochNode.isIntegralNumber() || !epochNode.canConvertToInt() || epochNode.intValue() < 1
                || epochNode.intValue() > KeyEpoch.MAX) {
            throw Refusal.invalid("epoch", "\"epoch\" must be the key epoch to evaluate under, a positive integer"
                    + " (GET " + OprfRoutes.KEYS_PATH + " lists them)");
        }
        JsonNode batchesNode = body.get("batches");
        if (batchesNode == null || !batchesNode.isArray() || batchesNode.isEmpty()) {
            throw Refusal.invalid("batches", "\"batches\" must be a non-empty array of {\"kind\", \"blinded_elements\"}");
        }
        List<EvaluationRequest.Batch> batches = new ArrayList<>();
        Set<PersonaKind> seen = EnumSet.noneOf(PersonaKind.class);
        int total = 0;
        for (int i = 0; i < batchesNode.size(); i++) {
            String at = "batches[" + i + "]";
            JsonNode batch = batchesNode.get(i);
            if (!batch.isObject()) {
                throw Refusal.invalid(at, at + " must be an object with \"kind\" and \"blinded_elements\"");
            }
            JsonNode kindNode = batch.get("kind");
            PersonaKind kind = kindNode == null || !kindNode.isString() ? null : PersonaKind.fromValue(kindNode.stringValue()).orElse(null);
            if (kind == null) {
                throw Refusal.invalid(at + ".kind", at + ".kind must be a persona kind, one of "
                        + java.util.Arrays.stream(PersonaKind.values()).map(PersonaKind::value).toList());
            }
            if (!seen.add(kind)) {
                throw Refusal.invalid(at + ".kind", "kind " + kind.value() + " appears in two batches; send each kind once");
            }
            JsonNode elementsNode = batch.get("blinded_elements");
            if (elementsNode == null || !elementsNode.isArray() || elementsNode.isEmpty()) {
                throw Refusal.invalid(at + ".blinded_elements", at + ".blinded_elements must be a non-empty array");
            }
            total += elementsNode.size();
            if (total > maxElements) {
                throw Refusal.invalid("batches", "a request may carry at most " + maxElements + " blinded elements");
            }
            List<Element> elements = new ArrayList<>(elementsNode.size());
            for (int j = 0; j < elementsNode.size(); j++) {
                elements.add(element(elementsNode.get(j), at + ".blinded_elements[" + j + "]"));
            }
            batches.add(new EvaluationRequest.Batch(kind, elements));
        }
        return new EvaluationRequest(new KeyEpoch(epochNode.intValue()), batches);
    }

    /**
     * RFC 9497 §4.3 DeserializeElement of one base64url string: a 33-byte SEC 1 compressed point, x below p, on the
     * curve, not the identity. These checks are what keeps invalid-curve and small-subgroup points, the way an OPRF
     * key is extracted, from reaching the key.
     */
    static Element element(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw Refusal.invalid(field, field + " must be a string: the base64url of a 33-byte compressed P-256 point");
        }
        byte[] bytes = base64url(node.stringValue(), field);
        try {
            return Element.deserialize(bytes);
        } catch (InputValidationException e) {
            throw Refusal.invalid(field, field + " is not a valid P-256 element (RFC 9497 §4.3): " + e.getMessage());
        }
    }

    /** Decodes unpadded base64url, refusing any other spelling of the same bytes so each value has one encoding. */
    static byte[] base64url(String text, String field) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field, field + " is not base64url: " + e.getMessage());
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw Refusal.invalid(field, field + " is not canonical unpadded base64url (RFC 4648 §5)");
        }
        return bytes;
    }

    static String base64url(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The answer: per batch, the evaluated elements in the request's order and the batch's DLEQ proof. */
    static Map<String, Object> answer(KeyEpoch epoch, List<EvaluationRequest.Batch> batches, List<VerifiableEvaluation> evaluations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("kind", batches.get(i).kind().value());
            batch.put("evaluated_elements", evaluations.get(i).evaluatedElements().stream().map(e -> base64url(e.serialize())).toList());
            batch.put("proof", base64url(evaluations.get(i).proof().serialize()));
            out.add(batch);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scheme", V2OprfP256.NAME);
        answer.put("epoch", epoch.number());
        answer.put("batches", out);
        return answer;
    }

    /** One epoch in the published key set. */
    static Map<String, Object> key(PersonaTokenKeys.Epoch epoch, PersonaTokenKeys.Epoch current, java.time.Duration grace) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("epoch", epoch.key().epoch().number());
        key.put("public_key", base64url(epoch.key().keyPair().publicKey().serialize()));
        key.put("created", epoch.key().created().toString());
        key.put("current", epoch == current);
        if (epoch.key().retired() != null) {
            key.put("retired", epoch.key().retired().toString());
            key.put("answered_until", epoch.key().answeredUntil(grace).toString());
        }
        return key;
    }
}

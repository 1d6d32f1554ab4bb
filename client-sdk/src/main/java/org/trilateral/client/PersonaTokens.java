package org.trilateral.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.Transport;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfException;
import org.trilateral.integrity.oprf.Proof;
import org.trilateral.integrity.oprf.VerifiableEvaluation;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.PersonaTokenClient;
import org.trilateral.taxonomy.persona.PersonaTokenRequest;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Persona tokens (scheme {@code v2-oprf-p256}) for normalised identifiers, made with the exchange without showing it
 * the identifiers: each is blinded here, the exchange evaluates the blinded element under its key of the epoch
 * (RFC 9497 POPRF, the kind and epoch as public info), and the answer is unblinded and finalised here after its DLEQ
 * proof is checked against the exchange's published key. The first key seen for an epoch is kept (or one pinned with
 * {@link #pin}); a later key set that names another key for that epoch is refused, so the exchange cannot evaluate
 * this member's identifiers under a key of its own. Thread-safe.
 *
 * <pre>{@code
 * List<PersonaDigest> tokens = client.personaTokens().tokens(List.of(
 *         EmailIdentifiers.normalise("kim@example.com"), PhoneIdentifiers.normalise("+82 10-1234-5678", "KR")));
 * }</pre>
 */
public final class PersonaTokens {

    /** The most blinded elements sent in one request; the exchange's default limit. */
    public static final int MAX_PER_REQUEST = 500;
    static final String KEYS_PATH = ".well-known/persona-token-keys.json";
    static final String EVALUATE_PATH = "oprf/evaluate";
    private static final String JSON = "application/json";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Transport transport;
    private final URI base;
    private final Map<KeyEpoch, Element> known = new ConcurrentHashMap<>();

    PersonaTokens(Transport transport, URI base) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = base;
    }

    /**
     * Pins the exchange's public key of {@code epoch}, e.g. one published out of band: evaluations are checked against
     * it, and a key set naming another key for the epoch is refused.
     */
    public PersonaTokens pin(KeyEpoch epoch, Element publicKey) {
        Element previous = known.putIfAbsent(Objects.requireNonNull(epoch, "epoch"), Objects.requireNonNull(publicKey, "publicKey"));
        if (previous != null && !previous.equals(publicKey)) {
            throw new IllegalStateException("epoch " + epoch + " is already pinned to another key");
        }
        return this;
    }

    /**
     * The exchange's key set, each key checked against the one this client knows for its epoch.
     *
     * @throws TokenVerificationException when the exchange names another key for an epoch already known
     */
    public PersonaTokenKeySet keys() {
        JsonNode json = transport.send(HttpCall.get(base.resolve(KEYS_PATH), JSON)).json();
        try {
            Map<KeyEpoch, Element> keys = new LinkedHashMap<>();
            for (JsonNode key : json.get("keys")) {
                KeyEpoch epoch = new KeyEpoch(key.get("epoch").intValue());
                Element publicKey = Element.deserialize(Base64.getUrlDecoder().decode(key.get("public_key").stringValue()));
                Element previous = known.putIfAbsent(epoch, publicKey);
                if (previous != null && !previous.equals(publicKey)) {
                    throw new TokenVerificationException("the exchange now publishes key " + publicKey + " for epoch " + epoch
                            + ", which this client knew as " + previous + ": refusing to use it", null);
                }
                keys.put(epoch, publicKey);
            }
            return new PersonaTokenKeySet(new KeyEpoch(json.get("current_epoch").intValue()), keys);
        } catch (RuntimeException e) {
            if (e instanceof TokenVerificationException) {
                throw e;
            }
            throw new ServerException("the persona-token key set is malformed: " + e.getMessage(), e);
        }
    }

    /** The tokens of {@code identifiers} in the exchange's current epoch, in order. */
    public List<PersonaDigest> tokens(List<TaggedIdentifier> identifiers) {
        return tokens(keys().current(), identifiers);
    }

    /** The token of one identifier in the current epoch. */
    public PersonaDigest token(TaggedIdentifier identifier) {
        return tokens(List.of(identifier)).get(0);
    }

    /**
     * The tokens of {@code identifiers} in {@code epoch}, e.g. the previous epoch during a rotation's grace period, in
     * order; sent in requests of at most {@value #MAX_PER_REQUEST} elements.
     *
     * @throws TokenVerificationException when a proof does not verify against the epoch's published key
     * @throws RateLimitException when the member's evaluation quota is used up (after the transport's retries)
     */
    public List<PersonaDigest> tokens(KeyEpoch epoch, List<TaggedIdentifier> identifiers) {
        Objects.requireNonNull(epoch, "epoch");
        Element publicKey = known.get(epoch);
        if (publicKey == null) {
            keys();
            publicKey = known.get(epoch);
            if (publicKey == null) {
                throw new NotFoundException("the exchange publishes no persona-token key of epoch " + epoch, (Throwable) null);
            }
        }
        PersonaTokenClient client = PersonaTokenClient.create(epoch, publicKey);
        List<PersonaDigest> out = new ArrayList<>(identifiers.size());
        for (int from = 0; from < identifiers.size(); from += MAX_PER_REQUEST) {
            List<TaggedIdentifier> chunk = identifiers.subList(from, Math.min(identifiers.size(), from + MAX_PER_REQUEST));
            PersonaTokenRequest request = client.blind(chunk);
            JsonNode answer = transport.send(HttpCall.post(base.resolve(EVALUATE_PATH), JSON, JSON, body(request))).json();
            try {
                out.addAll(client.finalizeTokens(request, evaluations(answer)));
            } catch (IllegalArgumentException e) {
                throw new ServerException("the exchange's evaluation answer does not match the request: " + e.getMessage(), e);
            } catch (OprfException e) {
                throw new TokenVerificationException("the exchange's evaluation is not proven to use its published key "
                        + publicKey + " of epoch " + epoch + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static byte[] body(PersonaTokenRequest request) {
        List<Map<String, Object>> batches = new ArrayList<>();
        request.blindedElements().forEach((kind, elements) -> {
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("kind", kind.value());
            batch.put("blinded_elements", elements.stream().map(e -> B64.encodeToString(e.serialize())).toList());
            batches.add(batch);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("epoch", request.epoch().number());
        body.put("batches", batches);
        return StixJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<PersonaKind, VerifiableEvaluation> evaluations(JsonNode answer) {
        try {
            Map<PersonaKind, VerifiableEvaluation> out = new EnumMap<>(PersonaKind.class);
            for (JsonNode batch : answer.get("batches")) {
                List<Element> elements = new ArrayList<>();
                batch.get("evaluated_elements").forEach(e -> elements.add(Element.deserialize(Base64.getUrlDecoder().decode(e.stringValue()))));
                PersonaKind kind = PersonaKind.fromValue(batch.get("kind").stringValue())
                        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + batch.get("kind")));
                out.put(kind, new VerifiableEvaluation(elements, Proof.deserialize(Base64.getUrlDecoder().decode(batch.get("proof").stringValue()))));
            }
            return out;
        } catch (RuntimeException e) {
            if (e instanceof JacksonException || e instanceof IllegalArgumentException || e instanceof NullPointerException
                    || e instanceof OprfException) {
                throw new ServerException("the exchange's evaluation answer is malformed: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}

package org.trilateral.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.Transport;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Screening on the client side: tokenises the personas with {@link PersonaTokens}, sends, reads the answer. */
final class Screener {

    private static final String JSON = "application/json";

    private final Transport transport;
    private final URI uri;
    private final PersonaTokens tokens;

    Screener(Transport transport, URI base, PersonaTokens tokens) {
        this.transport = transport;
        this.uri = base.resolve("screening");
        this.tokens = tokens;
    }

    ScreenResult screen(ScreenRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.personas().isEmpty()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (PersonaDigest token : tokens.tokens(request.personas())) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("kind", token.kind().value());
                if (token.platform() != null) {
                    t.put("platform", token.platform());
                }
                t.put("scheme", token.scheme());
                t.put("digest", token.digest());
                out.add(t);
            }
            body.put("persona_tokens", out);
        }
        if (!request.wallets().isEmpty()) {
            body.put("wallets", request.wallets().stream()
                    .map(w -> Map.of("chain", w.chain().caip2(), "address", w.address())).toList());
        }
        if (!request.ips().isEmpty()) {
            body.put("ips", request.ips());
        }
        if (request.hasFacts()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            if (request.claimedResidence() != null) {
                facts.put("claimed_residence", request.claimedResidence());
            }
            if (request.payoutCountry() != null) {
                facts.put("payout_country", request.payoutCountry());
            }
            if (request.refusedLiveVideo() != null) {
                facts.put("refused_live_video", request.refusedLiveVideo());
            }
            if (request.concurrentEmployments() != null) {
                facts.put("concurrent_employments", request.concurrentEmployments());
            }
            body.put("facts", facts);
        }
        byte[] bytes = StixJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        JsonNode answer = transport.send(HttpCall.post(uri, JSON, JSON, bytes)).json();
        return result(request.label(), answer);
    }

    private static ScreenResult result(String label, JsonNode answer) {
        try {
            List<ScreenResult.Match> matches = new ArrayList<>();
            for (JsonNode m : answer.get("matches")) {
                JsonNode indicator = m.get("indicator");
                JsonNode sightings = m.get("sightings");
                // The server names persona inputs persona_tokens[i]: the i-th persona of the request, in order.
                String input = m.get("input").stringValue().replace("persona_tokens[", "personas[");
                matches.add(new ScreenResult.Match(input, m.get("kind").stringValue(), indicator.get("id").stringValue(),
                        indicator.path("name").asString(null),
                        m.has("confidence") ? Integer.valueOf(m.get("confidence").intValue())
                                : indicator.has("confidence") ? indicator.get("confidence").intValue() : null,
                        sightings.path("count").asLong(0), sightings.path("first_seen").asString(null),
                        sightings.path("last_seen").asString(null)));
            }
            List<ScreenResult.RedFlag> flags = new ArrayList<>();
            for (JsonNode f : answer.get("red_flags")) {
                flags.add(new ScreenResult.RedFlag(f.get("flag").stringValue(), f.get("reason").stringValue()));
            }
            ObjectNode json = ((ObjectNode) answer).deepCopy();
            if (label != null) {
                ObjectNode labelled = StixJson.mapper().createObjectNode().put("label", label);
                labelled.setAll(json);
                json = labelled;
            }
            return new ScreenResult(label, answer.get("risk").get("level").stringValue(),
                    answer.get("risk").get("rule").stringValue(), matches, flags, json);
        } catch (RuntimeException e) {
            if (e instanceof ExchangeException) {
                throw e;
            }
            throw new ServerException("the screening answer is malformed: " + e.getMessage(), e);
        }
    }
}

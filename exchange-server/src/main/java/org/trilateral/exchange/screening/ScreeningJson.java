package org.trilateral.exchange.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of {@code POST /screening}:
 * <pre>{@code
 * {"persona_tokens": [{"kind": "email", "scheme": "v2-oprf-p256", "digest": "1:…"}],
 *  "wallets": [{"chain": "eip155:1", "address": "0x…"}],
 *  "ips": ["203.0.113.7"],
 *  "facts": {"claimed_residence": "US", "payout_country": "CN", "refused_live_video": true, "concurrent_employments": 2}}
 * }</pre>
 * Every value is checked and canonicalised; a wrong one is refused naming it ({@code wallets[0]}).
 */
final class ScreeningJson {

    private static final Set<String> MEMBERS = Set.of("persona_tokens", "wallets", "ips", "facts");

    private ScreeningJson() {
    }

    static ScreeningRequest request(JsonNode body) {
        for (String name : body.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw Refusal.invalid(name, "unknown member \"" + name + "\"; a screening has " + MEMBERS);
            }
        }
        List<PersonaDigest> tokens = new ArrayList<>();
        for (var entry : array(body, "persona_tokens")) {
            tokens.add(token(entry.getValue(), entry.getKey()));
        }
        List<WalletAddress> wallets = new ArrayList<>();
        for (var entry : array(body, "wallets")) {
            try {
                wallets.add(WalletAddress.parse(text(entry.getValue(), "chain", entry.getKey()), text(entry.getValue(), "address", entry.getKey())));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(entry.getKey(), entry.getKey() + " is not a wallet: " + e.getMessage());
            }
        }
        List<IpNetwork> ips = new ArrayList<>();
        for (var entry : array(body, "ips")) {
            JsonNode ip = entry.getValue();
            if (!ip.isString() || ip.stringValue().contains("/")) {
                throw Refusal.invalid(entry.getKey(), entry.getKey() + " must be one IPv4 or IPv6 address as a string");
            }
            try {
                ips.add(IpNetwork.parse(ip.stringValue()));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(entry.getKey(), entry.getKey() + " is not an IP address: " + e.getMessage());
            }
        }
        ScreeningRequest request = new ScreeningRequest(tokens, wallets, ips, facts(body.get("facts")));
        if (request.identifiers() > ScreeningRequest.MAX_IDENTIFIERS) {
            throw Refusal.invalid(null, "a screening may carry at most " + ScreeningRequest.MAX_IDENTIFIERS + " identifiers");
        }
        if (request.identifiers() == 0 && request.facts().equals(ScreeningRequest.Facts.NONE)) {
            throw Refusal.invalid(null, "nothing to screen: send persona_tokens, wallets, ips or facts");
        }
        return request;
    }

    private static ScreeningRequest.Facts facts(JsonNode facts) {
        if (facts == null) {
            return ScreeningRequest.Facts.NONE;
        }
        if (!facts.isObject()) {
            throw Refusal.invalid("facts", "\"facts\" must be an object");
        }
        for (String name : facts.propertyNames()) {
            if (!Set.of("claimed_residence", "payout_country", "refused_live_video", "concurrent_employments").contains(name)) {
                throw Refusal.invalid("facts." + name, "unknown fact \"" + name + "\"");
            }
        }
        return new ScreeningRequest.Facts(country(facts, "claimed_residence"), country(facts, "payout_country"),
                facts.has("refused_live_video") ? bool(facts, "refused_live_video") : null,
                facts.has("concurrent_employments") ? count(facts, "concurrent_employments") : null);
    }

    private static String country(JsonNode facts, String name) {
        JsonNode value = facts.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isString() || !value.stringValue().matches("[A-Za-z]{2}")) {
            throw Refusal.invalid("facts." + name, "facts." + name + " must be an ISO 3166-1 alpha-2 country code");
        }
        return value.stringValue().toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean bool(JsonNode facts, String name) {
        if (!facts.get(name).isBoolean()) {
            throw Refusal.invalid("facts." + name, "facts." + name + " must be true or false");
        }
        return facts.get(name).booleanValue();
    }

    private static int count(JsonNode facts, String name) {
        JsonNode value = facts.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw Refusal.invalid("facts." + name, "facts." + name + " must be a non-negative integer");
        }
        return value.intValue();
    }

    private static List<Map.Entry<String, JsonNode>> array(JsonNode body, String name) {
        JsonNode array = body.get(name);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw Refusal.invalid(name, "\"" + name + "\" must be an array");
        }
        if (array.size() > ScreeningRequest.MAX_IDENTIFIERS) {
            throw Refusal.invalid(name, "a screening may carry at most " + ScreeningRequest.MAX_IDENTIFIERS + " identifiers");
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(Map.entry(name + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw Refusal.invalid(at + "." + name, at + "." + name + " must be a string");
        }
        return value.stringValue();
    }

    static List<Map<String, Object>> employment(List<ScreeningResult.EmploymentMatch> employment) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScreeningResult.EmploymentMatch match : employment) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", match.input());
            m.put("employed_elsewhere", match.employers());
            m.put("employers_named", match.named());
            out.add(m);
        }
        return out;
    }

    /**
     * The body of {@code PUT /screening/staff}: the employer's current staff as persona tokens, and the sharing groups
     * (marking-definition ids of docs/access-rules.md) whose members may learn that it is the employer.
     * <pre>{@code {"persona_tokens": [{"kind": "email", "scheme": "v2-oprf-p256", "digest": "1:…"}],
     *  "disclose_to": ["marking-definition--…"]}}</pre>
     */
    static StaffRegistration staff(JsonNode body, int maxTokens) {
        for (String name : body.propertyNames()) {
            if (!Set.of("persona_tokens", "disclose_to").contains(name)) {
                throw Refusal.invalid(name, "unknown member \"" + name + "\"; a staff registration has persona_tokens and disclose_to");
            }
        }
        JsonNode array = body.get("persona_tokens");
        if (array == null || !array.isArray()) {
            throw Refusal.invalid("persona_tokens", "\"persona_tokens\" must be an array (empty to register no staff)");
        }
        if (array.size() > maxTokens) {
            throw Refusal.invalid("persona_tokens", "a staff registration may carry at most " + maxTokens
                    + " persona tokens (exchange.screening.max-staff-tokens)");
        }
        List<PersonaDigest> tokens = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            tokens.add(token(array.get(i), "persona_tokens[" + i + "]"));
        }
        Set<String> groups = new java.util.TreeSet<>();
        JsonNode disclose = body.get("disclose_to");
        if (disclose != null) {
            if (!disclose.isArray()) {
                throw Refusal.invalid("disclose_to", "\"disclose_to\" must be an array of sharing-group marking-definition ids");
            }
            for (int i = 0; i < disclose.size(); i++) {
                String at = "disclose_to[" + i + "]";
                JsonNode id = disclose.get(i);
                groups.add(org.trilateral.exchange.access.SharingGroup.fromId(id.isString() ? id.stringValue() : "")
                        .orElseThrow(() -> Refusal.invalid(at, at + " is not the marking-definition id of a sharing group"
                                + " (docs/access-rules.md)"))
                        .groupName());
            }
        }
        return new StaffRegistration(tokens, groups);
    }

    /** A parsed staff registration: tokens, and the names of the groups the employer is disclosed to. */
    record StaffRegistration(List<PersonaDigest> tokens, Set<String> discloseGroups) {

        StaffRegistration {
            tokens = List.copyOf(tokens);
            discloseGroups = Set.copyOf(discloseGroups);
        }
    }

    private static PersonaDigest token(JsonNode token, String at) {
        if (!token.isObject()) {
            throw Refusal.invalid(at, at + " must be an object with kind, scheme and digest");
        }
        try {
            PersonaKind kind = PersonaKind.fromValue(text(token, "kind", at)).orElseThrow(() ->
                    new IllegalArgumentException("unknown persona kind"));
            return new PersonaDigest(kind, token.path("platform").isString() ? token.get("platform").stringValue() : null,
                    text(token, "scheme", at), text(token, "digest", at));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(at, at + " is not a persona token: " + e.getMessage());
        }
    }

    static Map<String, Object> answer(ScreeningResult result) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (ScreeningResult.Match match : result.matches()) {
            JsonNode indicator = match.indicator();
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String name : List.of("id", "name", "labels", "confidence", "created_by_ref", "valid_from", "valid_until",
                    "object_marking_refs", "modified")) {
                if (indicator.has(name)) {
                    summary.put(name, indicator.get(name));
                }
            }
            Map<String, Object> sightings = new LinkedHashMap<>();
            sightings.put("count", match.sightings().count());
            sightings.put("first_seen", match.sightings().firstSeen());
            sightings.put("last_seen", match.sightings().lastSeen());
            sightings.put("reporters", match.sightings().reporters());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("input", match.input());
            out.put("kind", match.kind());
            out.put("indicator", summary);
            out.put("sightings", sightings);
            out.put("confidence", match.confidence().value());
            out.put("confidence_rule", match.confidence().rule());
            matches.add(out);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("risk", Map.of("level", result.risk().level(), "rule", result.risk().rule()));
        answer.put("matches", matches);
        answer.put("employment", employment(result.employment()));
        answer.put("red_flags", result.redFlags().stream().map(f -> Map.of("flag", f.flag(), "reason", f.reason())).toList());
        return answer;
    }
}

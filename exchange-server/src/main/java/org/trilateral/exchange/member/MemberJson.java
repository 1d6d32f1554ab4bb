package org.trilateral.exchange.member;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;

/**
 * The admin API's JSON form of a member, both ways. Parsing names the offending field in every refusal, so the
 * problem details tell the caller exactly what to fix.
 */
final class MemberJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "nation", "sector", "identity_id", "roles", "subjects", "status");

    private MemberJson() {
    }

    static Map<String, Object> render(Member member) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", member.id().value());
        body.put("name", member.name());
        body.put("nation", member.nation().name());
        body.put("sector", member.sector().value());
        body.put("identity_id", member.identityId());
        body.put("roles", member.roles().stream().sorted().map(Role::value).toList());
        body.put("status", member.status().value());
        body.put("subjects", member.subjects().stream()
                .map(s -> Map.of("issuer", s.issuer(), "subject", s.subject())).toList());
        if (member.created() != null) {
            body.put("created", StixTimestamp.formatMicros(member.created()));
            body.put("updated", StixTimestamp.formatMicros(member.updated()));
        }
        return body;
    }

    /** A new member from a POST body; {@code identity_id} is generated when absent, status is active unless given. */
    static Member create(JsonNode body) {
        requireObject(body);
        MemberId id = field(body, "id", true, node -> new MemberId(text(node, "id")));
        return complete(body, id, null);
    }

    /** {@code existing} with the fields present in a PATCH body replaced (§ merge-patch semantics, RFC 7396). */
    static Member change(Member existing, JsonNode body) {
        requireObject(body);
        if (body.has("id") && !existing.id().value().equals(body.get("id").asString(""))) {
            throw Refusal.invalid("id", "a member's id cannot be changed");
        }
        return complete(body, existing.id(), existing);
    }

    private static Member complete(JsonNode body, MemberId id, Member base) {
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw Refusal.invalid(name, "unknown member field '" + name + "', expected one of " + FIELDS);
            }
        }
        boolean creating = base == null;
        String name = field(body, "name", creating, node -> text(node, "name"));
        Nation nation = field(body, "nation", creating, node -> Nation.parse(text(node, "nation")));
        Sector sector = field(body, "sector", creating, node -> Sector.parse(text(node, "sector")));
        String identity = field(body, "identity_id", false, node -> text(node, "identity_id"));
        Set<Role> roles = field(body, "roles", creating, MemberJson::roles);
        List<MemberSubject> subjects = field(body, "subjects", creating, MemberJson::subjects);
        MemberStatus status = field(body, "status", false, node -> switch (text(node, "status")) {
            case "active" -> MemberStatus.ACTIVE;
            case "suspended" -> MemberStatus.SUSPENDED;
            default -> throw new IllegalArgumentException("status must be 'active' or 'suspended'");
        });
        try {
            return new Member(id,
                    name != null ? name : base.name(),
                    nation != null ? nation : base.nation(),
                    sector != null ? sector : base.sector(),
                    identity != null ? identity : creating ? "identity--" + UUID.randomUUID() : base.identityId(),
                    roles != null ? roles : base.roles(),
                    status != null ? status : creating ? MemberStatus.ACTIVE : base.status(),
                    subjects != null ? subjects : base.subjects(),
                    creating ? null : base.created(),
                    creating ? null : base.updated());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage().startsWith("identity_id") ? "identity_id" : "name", e.getMessage());
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Refusal.invalid(null, "the request body must be a JSON object");
        }
    }

    /** Parses field {@code name} if present (null when absent and optional); any failure names the field. */
    private static <T> T field(JsonNode body, String name, boolean required, Function<JsonNode, T> parse) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw Refusal.invalid(name, "'" + name + "' is required");
            }
            return null;
        }
        try {
            return parse.apply(node);
        } catch (Refusal e) {
            throw e;
        } catch (RuntimeException e) {
            throw Refusal.invalid(name, "'" + name + "': " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String name) {
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new IllegalArgumentException("must be a non-empty string");
        }
        return node.stringValue();
    }

    private static Set<Role> roles(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("must be an array of role names");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : node) {
            roles.add(Role.parse(text(role, "roles")));
        }
        return roles;
    }

    private static List<MemberSubject> subjects(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("must be an array of {\"issuer\": …, \"subject\": …}");
        }
        List<MemberSubject> subjects = new ArrayList<>();
        for (JsonNode subject : node) {
            if (!subject.isObject()) {
                throw new IllegalArgumentException("each entry must be an object with issuer and subject");
            }
            subjects.add(new MemberSubject(subject.path("issuer").asString(""), subject.path("subject").asString("")));
        }
        return subjects;
    }
}

package org.trilateral.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An advisory (docs/delivery.md, "Advisories"): a STIX {@code report} an advisory issuer published to the advisory
 * collection, with the objects it references that this member may read. Read with {@link ExchangeClient#advisory}, or
 * as they come with {@link ReactiveExchangeClient#advisories(SubscribeRequest)}.
 *
 * @param id            the report's STIX id
 * @param version       the report's version
 * @param report        the report as the exchange serves it (its signature checks as received)
 * @param objects       the referenced objects this member may read, in the report's order
 * @param unresolvedRefs the {@code object_refs} not among {@code objects}: not stored, or not readable by this member
 * @param issuer        the member that published it
 * @param published     the report's {@code published} time, as it gives it
 * @param tlp           its TLP 2.0 level ({@code clear}, {@code green}, {@code amber}, {@code amber+strict}, {@code red})
 * @param verification  each of the report and the objects verified against the log, in that order; empty when the
 *                      client has no trust policy
 */
public record Advisory(String id, String version, JsonNode report, List<JsonNode> objects, List<String> unresolvedRefs,
                       String issuer, Optional<String> published, String tlp, List<VerificationResult> verification) {

    /** The collection whose reports are advisories (the exchange's {@code exchange.advisories.collection} default). */
    public static final String COLLECTION = "advisories";

    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(report, "report");
        objects = List.copyOf(objects);
        unresolvedRefs = List.copyOf(unresolvedRefs);
        verification = List.copyOf(verification);
    }

    /** Whether the report and every object verified (true when nothing was verified: no trust policy). */
    public boolean verified() {
        return verification.stream().allMatch(VerificationResult::ok);
    }

    /** What {@code GET /advisories} lists of one advisory. */
    public record Summary(String id, String version, String name, Optional<String> published, String issuer, String tlp,
                          String dateAdded, boolean revoked) {

        static Summary parse(JsonNode json) {
            return new Summary(json.get("id").stringValue(), json.get("version").stringValue(),
                    json.path("name").asString(""), Optional.ofNullable(json.path("published").asString(null)),
                    json.path("issuer").asString(""), json.path("tlp").asString(""), json.path("date_added").asString(""),
                    json.path("revoked").asBoolean(false));
        }
    }

    /**
     * One member's receipt of an advisory version: when its system received it and how, when a person acknowledged it
     * and who (the identity provider and subject of the person's token). Empty: not yet.
     */
    public record Receipt(String member, String version, Optional<String> systemReceivedAt, Optional<String> channel,
                          Optional<String> personAcknowledgedAt, Optional<String> personSubject) {

        static Receipt parse(JsonNode json, String version) {
            return new Receipt(json.path("member").asString(""), json.path("version").asString(version),
                    text(json, "system_received_at"), text(json, "channel"), text(json, "person_acknowledged_at"),
                    json.path("person").isObject() ? Optional.of(json.path("person").path("subject").asString(""))
                            : Optional.empty());
        }

        private static Optional<String> text(JsonNode json, String name) {
            JsonNode value = json.get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
        }
    }
}

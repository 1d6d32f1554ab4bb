package org.trilateral.exchange.advisory;

import java.time.Instant;
import java.util.List;
import org.trilateral.exchange.member.Member;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the advisory routes. Reports and referenced objects are written as stored, unchanged, so their
 * signatures check as when read through TAXII.
 */
final class AdvisoryJson {

    private AdvisoryJson() {
    }

    /** What the list shows of an advisory: its report's id, version, name and published time, issuer, TLP. */
    static ObjectNode summary(StoredAdvisory advisory) {
        JsonNode report = StixJson.mapper().readTree(advisory.body());
        ObjectNode summary = StixJson.mapper().createObjectNode()
                .put("id", advisory.id())
                .put("version", advisory.version())
                .put("name", report.path("name").asString(""));
        if (report.has("published")) {
            summary.put("published", report.get("published").asString(""));
        }
        summary.put("issuer", advisory.issuer())
                .put("tlp", advisory.tlp())
                .put("date_added", advisory.dateAdded().toString())
                .put("revoked", advisory.revoked());
        summary.put("object_refs", report.path("object_refs").size());
        return summary;
    }

    /** A page: the advisories, the cursor of the next (older) page, whether there may be more. */
    static String page(List<StoredAdvisory> advisories, boolean more) {
        ObjectNode page = StixJson.mapper().createObjectNode();
        ArrayNode list = page.putArray("advisories");
        advisories.forEach(a -> list.add(summary(a)));
        if (more) {
            page.put("next", Long.toString(advisories.get(advisories.size() - 1).seq()));
        }
        page.put("more", more);
        return StixJson.mapper().writeValueAsString(page);
    }

    /** One advisory: its summary, the report as stored, the referenced objects the reader may read, the others' ids. */
    static String view(Advisories.View view) {
        StringBuilder json = new StringBuilder("{\"advisory\":")
                .append(StixJson.mapper().writeValueAsString(summary(view.advisory())))
                .append(",\"report\":").append(view.advisory().body())
                .append(",\"objects\":[");
        for (int i = 0; i < view.objects().size(); i++) {
            json.append(i == 0 ? "" : ",").append(view.objects().get(i));
        }
        json.append("],\"unresolved_refs\":")
                .append(StixJson.mapper().writeValueAsString(view.unresolved()));
        return json.append('}').toString();
    }

    /** One member's receipt of one advisory version. */
    static ObjectNode receipt(String id, String version, Receipt receipt) {
        ObjectNode json = StixJson.mapper().createObjectNode()
                .put("advisory", id)
                .put("version", version)
                .put("member", receipt.memberId());
        put(json, "system_received_at", receipt.systemReceivedAt().orElse(null));
        json.put("channel", receipt.channel().map(ReceiptChannel::value).orElse(null));
        put(json, "person_acknowledged_at", receipt.personAt().orElse(null));
        if (receipt.personSubject().isPresent()) {
            json.putObject("person").put("issuer", receipt.personIssuer().orElse(null))
                    .put("subject", receipt.personSubject().get());
        } else {
            json.putNull("person");
        }
        return json;
    }

    /** The receipts list: every entitled member, with its receipt times (null when not yet). */
    static String receipts(StoredAdvisory advisory, List<Advisories.Entitled> entitled) {
        ObjectNode json = StixJson.mapper().createObjectNode()
                .put("advisory", advisory.id())
                .put("version", advisory.version());
        ArrayNode list = json.putArray("receipts");
        int received = 0;
        int acknowledged = 0;
        for (Advisories.Entitled e : entitled) {
            Member member = e.member();
            ObjectNode row = receipt(advisory.id(), advisory.version(), e.receipt());
            row.remove("advisory");
            row.remove("version");
            row.put("member_name", member.name()).put("nation", member.nation().name());
            list.add(row);
            received += e.receipt().systemReceivedAt().isPresent() ? 1 : 0;
            acknowledged += e.receipt().personAt().isPresent() ? 1 : 0;
        }
        json.put("entitled", entitled.size()).put("system_received", received).put("person_acknowledged", acknowledged);
        return StixJson.mapper().writeValueAsString(json);
    }

    private static void put(ObjectNode json, String name, Instant at) {
        if (at == null) {
            json.putNull(name);
        } else {
            json.put(name, at.toString());
        }
    }
}

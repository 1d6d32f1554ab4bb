package org.trilateral.exchange.delivery;

import java.util.List;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes as JSON (docs/delivery.md). The object and the opening are embedded as stored, byte for byte, so a client can
 * check the object's signature and hash the opening's entry exactly as when it polls TAXII and {@code /log/openings}.
 */
final class ChangeJson {

    private ChangeJson() {
    }

    /** One change: position, kind, collection, object id, type and version, the object (unless deleted), the opening. */
    static String event(ChangeEvent event, CollectionRegistry collections) {
        ObjectNode head = StixJson.mapper().createObjectNode()
                .put("position", event.position())
                .put("kind", event.kind().value())
                .put("collection", event.collectionId());
        collections.find(event.collectionId()).map(TaxiiCollection::alias).ifPresent(alias -> head.put("collection_alias", alias));
        head.put("id", event.id()).put("type", event.type()).put("version", event.version());
        String fields = StixJson.mapper().writeValueAsString(head);
        StringBuilder json = new StringBuilder(fields.length() + event.opening().length()
                + event.object().map(String::length).orElse(0) + 32);
        json.append(fields, 0, fields.length() - 1);
        event.object().ifPresent(object -> json.append(",\"object\":").append(object));
        return json.append(",\"opening\":").append(event.opening()).append('}').toString();
    }

    /** A feed page: its changes (JSON each), the position to continue from, and whether the requested range holds more now. */
    static String page(List<String> events, long next, boolean more) {
        StringBuilder json = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "" : ",").append(events.get(i));
        }
        return json.append("],\"next\":").append(next).append(",\"more\":").append(more).append('}').toString();
    }

    /** Why a stream ends, and where to resume. */
    static String closed(String reason, long resumeFrom) {
        return StixJson.mapper().writeValueAsString(StixJson.mapper().createObjectNode()
                .put("reason", reason).put("resume_from", resumeFrom));
    }

    /** Why a stream ends, and where to resume: {@code resume_from} (the main lane) and the whole event id. */
    static String closed(String reason, StreamPosition resumeFrom) {
        return StixJson.mapper().writeValueAsString(StixJson.mapper().createObjectNode()
                .put("reason", reason).put("resume_from", resumeFrom.main()).put("last_event_id", resumeFrom.id()));
    }

    /** The first event of a stream: the position it starts from (and the advisory lane's, when it differs). */
    static String ready(StreamPosition from) {
        return from.main() == from.advisory() ? ready(from.main())
                : "{\"from\":" + from.main() + ",\"advisory_from\":" + from.advisory() + "}";
    }

    /** The first event of a stream: the position it starts from. */
    static String ready(long from) {
        return "{\"from\":" + from + "}";
    }
}

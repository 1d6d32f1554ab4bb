package org.trilateral.exchange.member;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trilateral.taxonomy.stix.StixTimestamp;

/** The JSON form of a four-eyes {@link AdminRequest} on the admin API. */
public final class AdminRequestJson {

    private AdminRequestJson() {
    }

    public static Map<String, Object> render(AdminRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", request.id().toString());
        body.put("kind", request.kind());
        body.put("member", request.member().value());
        body.put("change", request.change());
        body.put("requested_by", request.requestedBy().value());
        body.put("requested_nation", request.requestedNation().name());
        body.put("requested_at", StixTimestamp.formatMicros(request.requestedAt()));
        body.put("status", request.status());
        request.decidedBy().ifPresent(by -> body.put("decided_by", by.value()));
        request.decidedAt().ifPresent(at -> body.put("decided_at", StixTimestamp.formatMicros(at)));
        body.put("approve", "/admin/requests/" + request.id() + "/approve");
        return body;
    }
}

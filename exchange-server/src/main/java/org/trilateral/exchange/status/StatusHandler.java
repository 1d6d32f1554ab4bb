package org.trilateral.exchange.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.security.CurrentMember;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiResponses;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Mono;

/**
 * Answers {@code GET /{api-root}/status/{status-id}/} (§4.3) for the member that posted (and admins), and renders
 * status resources for POST.
 */
@Component
public class StatusHandler {

    private final StatusStore store;

    public StatusHandler(StatusStore store) {
        this.store = store;
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        String text = request.pathVariable("statusId");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return Mono.error(TaxiiException.notFound("no status '" + text + "'"));
        }
        // A status is the poster's own: to anyone else (but admins) it does not exist.
        return CurrentMember.of(request)
                .flatMap(member -> store.find(id)
                        .filter(status -> member.id().value().equals(status.postedBy()) || member.has(Role.ADMIN)))
                .switchIfEmpty(Mono.error(TaxiiException.notFound("no status '" + text + "'")))
                .flatMap(status -> TaxiiResponses.resource(HttpStatus.OK, resource(status)));
    }

    public static Map<String, Object> resource(IngestStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", status.id().toString());
        body.put("status", status.state());
        body.put("request_timestamp", StixTimestamp.formatMicros(status.requestTimestamp()));
        body.put("total_count", status.totalCount());
        body.put("success_count", status.successes().size());
        body.put("successes", status.successes());
        body.put("failure_count", status.failures().size());
        body.put("failures", status.failures());
        body.put("pending_count", status.pendings().size());
        body.put("pendings", status.pendings());
        return body;
    }
}

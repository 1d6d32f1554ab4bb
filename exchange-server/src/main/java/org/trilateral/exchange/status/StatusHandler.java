package org.trilateral.exchange.status;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.collection.TaxiiRequest;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.taxii.TaxiiException;
import org.trilateral.exchange.taxii.TaxiiResponses;
import reactor.core.publisher.Mono;

/** Answers {@code GET /{api-root}/status/{status-id}/} (§4.3) for the member that posted (and admins). */
@Component
class StatusHandler {

    private final StatusStore store;

    StatusHandler(StatusStore store) {
        this.store = store;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        String text = request.pathVariable("statusId");
        Member member = TaxiiRequest.of(request).member();
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return Mono.error(TaxiiException.notFound("no status '" + text + "'"));
        }
        // A status is the poster's own: to anyone else (but admins) it does not exist.
        return store.find(id)
                .filter(status -> member.id().equals(status.postedBy()) || member.has(Role.ADMIN))
                .switchIfEmpty(Mono.error(() -> TaxiiException.notFound("no status '" + text + "'")))
                .flatMap(status -> TaxiiResponses.resource(HttpStatus.OK, StatusResource.of(status)));
    }
}

package org.trilateral.exchange.oprf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.trilateral.exchange.member.AdminJson;
import org.trilateral.exchange.member.Member;
import org.trilateral.integrity.oprf.VerifiableEvaluation;
import org.trilateral.taxonomy.persona.V2OprfP256;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The persona-token endpoints: evaluation for members, the published key set, and for admins rotation and the
 * oversight summary. Errors are RFC 9457 problem details; a quota refusal is 429 with {@code Retry-After}
 * (RFC 9110 §10.2.3).
 */
@Component
class OprfHandler {

    private final PersonaTokenKeys keys;
    private final EvaluationQuota quota;
    private final EvaluationRecord record;
    private final OprfProperties properties;

    OprfHandler(PersonaTokenKeys keys, EvaluationQuota quota, EvaluationRecord record, OprfProperties properties) {
        this.keys = keys;
        this.quota = quota;
        this.record = record;
        this.properties = properties;
    }

    /** POST /oprf/evaluate: parse and validate every element, count it against the quota, evaluate, prove. */
    Mono<ServerResponse> evaluate(ServerRequest request) {
        return member(request).zipWith(AdminJson.readObject(request))
                // Decompressing each point takes a square root: off the event loop with the evaluation itself.
                .publishOn(Schedulers.parallel())
                .flatMap(pair -> {
                    EvaluationRequest asked = OprfJson.request(pair.getT2(), properties.maxElements());
                    return keys.answering(asked.epoch())
                            .flatMap(epoch -> quota.admit(pair.getT1().id(), asked.epoch(), asked.kinds(), asked.elements())
                                    .then(Mono.fromCallable(() -> {
                                        List<VerifiableEvaluation> evaluations = new ArrayList<>();
                                        for (EvaluationRequest.Batch batch : asked.batches()) {
                                            evaluations.add(epoch.evaluator().blindEvaluate(batch.kind(), batch.blindedElements()));
                                        }
                                        return OprfJson.answer(asked.epoch(), asked.batches(), evaluations);
                                    }).subscribeOn(Schedulers.parallel())));
                })
                .flatMap(answer -> AdminJson.answer(HttpStatus.OK, answer))
                .onErrorResume(QuotaExceeded.class, e -> {
                    long seconds = e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0);
                    request.exchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
                });
    }

    /** GET the key set: every epoch still answered, with its public key, so members can verify the proofs. */
    Mono<ServerResponse> keySet(ServerRequest request) {
        return AdminJson.answer(HttpStatus.OK, keySet());
    }

    /** POST /admin/oprf/rotate: a new epoch becomes current; the previous one is answered for the grace period. */
    Mono<ServerResponse> rotate(ServerRequest request) {
        return keys.rotate().flatMap(current -> AdminJson.answer(HttpStatus.OK, keySet()));
    }

    /** GET /admin/oprf/evaluations: per member, what it asked for in the last hour, day and ever. */
    Mono<ServerResponse> oversight(ServerRequest request) {
        return record.summary().collectList()
                .flatMap(rows -> AdminJson.answer(HttpStatus.OK, Map.of("members", rows)));
    }

    private Map<String, Object> keySet() {
        PersonaTokenKeys.Epoch current = keys.current();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("scheme", V2OprfP256.NAME);
        set.put("suite", "P256-SHA256");
        set.put("mode", "poprf");
        set.put("info", "tie-persona|" + V2OprfP256.NAME + "|<kind>|<epoch>");
        set.put("current_epoch", current.key().epoch().number());
        set.put("grace_period", properties.gracePeriod().toString());
        set.put("keys", keys.answered().stream().map(e -> OprfJson.key(e, current, properties.gracePeriod())).toList());
        return set;
    }

    private static Mono<Member> member(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .map(Authentication::getPrincipal)
                .ofType(Member.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "request " + request.path() + " reached the evaluation endpoint without an authenticated member")));
    }
}

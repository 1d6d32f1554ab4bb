package org.trilateral.exchange.oprf;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The oversight view of {@code oprf_evaluation}: who asked for how many evaluations, and how many were refused. */
@Component
class EvaluationRecord {

    private final DatabaseClient db;
    private final Clock clock;

    EvaluationRecord(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Per member, most active first: evaluations in the last hour, day and ever, refused requests, last request. */
    Flux<Map<String, Object>> summary() {
        Instant now = clock.instant();
        return db.sql("SELECT member_id,"
                        + " COALESCE(SUM(elements) FILTER (WHERE outcome = 'evaluated' AND at > :hourAgo), 0) AS last_hour,"
                        + " COALESCE(SUM(elements) FILTER (WHERE outcome = 'evaluated' AND at > :dayAgo), 0) AS last_day,"
                        + " COALESCE(SUM(elements) FILTER (WHERE outcome = 'evaluated'), 0) AS total,"
                        + " COUNT(*) FILTER (WHERE outcome = 'refused-quota') AS refused_requests,"
                        + " MAX(at) AS last_request"
                        + " FROM oprf_evaluation GROUP BY member_id ORDER BY last_day DESC, member_id")
                .bind("hourAgo", now.minus(EvaluationQuota.HOUR).atOffset(ZoneOffset.UTC))
                .bind("dayAgo", now.minus(EvaluationQuota.DAY).atOffset(ZoneOffset.UTC))
                .map((row, meta) -> {
                    Map<String, Object> member = new LinkedHashMap<>();
                    member.put("member", row.get("member_id", String.class));
                    member.put("evaluations_last_hour", row.get("last_hour", Long.class));
                    member.put("evaluations_last_day", row.get("last_day", Long.class));
                    member.put("evaluations_total", row.get("total", Long.class));
                    member.put("refused_requests", row.get("refused_requests", Long.class));
                    member.put("last_request", row.get("last_request", OffsetDateTime.class).toInstant().toString());
                    return member;
                })
                .all();
    }
}

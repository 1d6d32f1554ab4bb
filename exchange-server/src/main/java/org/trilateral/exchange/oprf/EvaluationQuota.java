package org.trilateral.exchange.oprf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.persona.KeyEpoch;
import reactor.core.publisher.Mono;

/**
 * Counts each member's evaluations in sliding windows of an hour and a day and records every request
 * ({@code oprf_evaluation}) for oversight. The request's row is written first and the windows summed after it, so
 * concurrent requests of one member see each other: they may both be refused near the limit, never both admitted
 * past it. A refused request stays recorded as {@code refused-quota} and counts for nothing.
 */
@Component
class EvaluationQuota {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private final DatabaseClient db;
    private final OprfProperties properties;
    private final Clock clock;

    EvaluationQuota(DatabaseClient db, OprfProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the request and admits it.
     *
     * @return an error {@link QuotaExceeded} when the member's hourly or daily quota would be passed
     */
    Mono<Void> admit(MemberId member, KeyEpoch epoch, List<String> kinds, int elements) {
        Instant now = clock.instant();
        return db.sql("INSERT INTO oprf_evaluation (member_id, epoch, kinds, elements, outcome, at)"
                        + " VALUES (:member, :epoch, :kinds, :elements, 'evaluated', :at) RETURNING id")
                .bind("member", member.value()).bind("epoch", epoch.number())
                .bind("kinds", kinds.toArray(String[]::new)).bind("elements", elements).bind("at", utc(now))
                .map((row, meta) -> row.get("id", java.util.UUID.class)).one()
                .flatMap(id -> used(member, now).flatMap(used -> {
                    int perHour = properties.quota().perHour();
                    int perDay = properties.quota().perDay();
                    if (used.hour() <= perHour && used.day() <= perDay) {
                        return Mono.<Void>empty();
                    }
                    boolean hourly = used.hour() > perHour;
                    Duration window = hourly ? HOUR : DAY;
                    int quota = hourly ? perHour : perDay;
                    return refuse(id)
                            .then(retryAfter(member, now, window, (hourly ? used.hour() : used.day()) - quota))
                            .flatMap(wait -> Mono.error(new QuotaExceeded("member '" + member.value() + "' asked for "
                                    + elements + " evaluations; its quota of " + quota + " per " + (hourly ? "hour" : "day")
                                    + " leaves " + Math.max(0, quota - ((hourly ? used.hour() : used.day()) - elements))
                                    + " now", wait)));
                }));
    }

    private record Used(long hour, long day) {
    }

    /** Evaluations that leave the window once {@code at} is a window old. */
    private record Freed(long elements, Instant at) {
    }

    private Mono<Used> used(MemberId member, Instant now) {
        return db.sql("SELECT COALESCE(SUM(elements) FILTER (WHERE at > :hourAgo), 0) AS hour,"
                        + " COALESCE(SUM(elements), 0) AS day FROM oprf_evaluation"
                        + " WHERE member_id = :member AND outcome = 'evaluated' AND at > :dayAgo")
                .bind("member", member.value()).bind("hourAgo", utc(now.minus(HOUR))).bind("dayAgo", utc(now.minus(DAY)))
                .map((row, meta) -> new Used(row.get("hour", Long.class), row.get("day", Long.class))).one();
    }

    private Mono<Long> refuse(java.util.UUID id) {
        return db.sql("UPDATE oprf_evaluation SET outcome = 'refused-quota' WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated();
    }

    /**
     * How long until the oldest admitted evaluations of the window have left it and freed {@code excess} of them,
     * at least one second.
     */
    private Mono<Duration> retryAfter(MemberId member, Instant now, Duration window, long excess) {
        return db.sql("SELECT elements, at FROM oprf_evaluation WHERE member_id = :member AND outcome = 'evaluated'"
                        + " AND at > :since ORDER BY at, id")
                .bind("member", member.value()).bind("since", utc(now.minus(window)))
                .map((row, meta) -> new Freed(row.get("elements", Integer.class), row.get("at", OffsetDateTime.class).toInstant()))
                .all()
                .scan((sum, row) -> new Freed(sum.elements() + row.elements(), row.at()))
                .filter(sum -> sum.elements() >= excess)
                .next()
                .map(sum -> Duration.between(now, sum.at().plus(window)))
                .defaultIfEmpty(window)
                .map(wait -> wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.trilateral.exchange.access;

import java.util.Map;

/**
 * The read rule of docs/access-rules.md as SQL: the condition a stored object version's audience columns
 * ({@code publisher_id}, {@code recipients}, {@code sharing_groups}; V3) must meet for {@code reader} to read it. It
 * says exactly what {@link Audience#readableBy} says: the publisher always reads; others read when the object is not
 * RED or names them as a recipient, and they belong to every sharing group the object is narrowed to. A row stored
 * before audiences were recorded (no publisher, no recipients, no groups) is readable by every member.
 *
 * @param sql   a boolean SQL expression with named parameters ({@code :name}), to be joined with {@code AND}
 * @param binds the value of each parameter
 */
public record AudienceCondition(String sql, Map<String, Object> binds) {

    public AudienceCondition {
        binds = Map.copyOf(binds);
    }

    /** The condition for {@code reader}. */
    public static AudienceCondition readableBy(Reader reader) {
        return new AudienceCondition("(publisher_id = :reader OR ((recipients IS NULL OR :readerIdentity = ANY(recipients))"
                + " AND sharing_groups <@ CAST(:readerGroups AS text[])))",
                Map.of("reader", reader.memberId().value(),
                        "readerIdentity", reader.identityId(),
                        "readerGroups", reader.groups().stream().sorted().toArray(String[]::new)));
    }
}

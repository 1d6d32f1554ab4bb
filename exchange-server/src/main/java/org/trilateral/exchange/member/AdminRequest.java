package org.trilateral.exchange.member;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change one admin asked for that a second admin, of another nation, must approve (four-eyes): who can log in as a
 * member, or a key registered for another member.
 *
 * @param kind   what is asked: {@code member-change} or {@code key-registration}
 * @param change the request body the change applies once approved
 * @param status {@code pending}, {@code approved} or {@code rejected}
 */
public record AdminRequest(UUID id, String kind, MemberId member, ObjectNode change, MemberId requestedBy,
                           Nation requestedNation, Instant requestedAt, String status, Optional<MemberId> decidedBy,
                           Optional<Instant> decidedAt) {

    public AdminRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        change = change.deepCopy();
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedNation, "requestedNation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    @Override
    public ObjectNode change() {
        return change.deepCopy();
    }
}

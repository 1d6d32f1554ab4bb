package org.trilateral.exchange.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * Who changes a key, as its key event names it: the member itself through its own token, an admin, or the exchange
 * (configured bootstrap keys).
 *
 * @param id   the acting member's id, or {@code exchange}
 * @param role {@code member}, {@code admin} or {@code exchange}
 * @param approvedBy the second admin who approved it (four-eyes)
 */
public record KeyActor(String id, String role, Optional<String> approvedBy) {

    public KeyActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }

    public KeyActor(String id, String role) {
        this(id, role, Optional.empty());
    }

    /** An admin's change for another member, approved by a second admin (four-eyes). */
    public static KeyActor approved(String adminId, String approverId) {
        return new KeyActor(adminId, "admin", Optional.of(approverId));
    }

    public static KeyActor member(String memberId) {
        return new KeyActor(memberId, "member");
    }

    public static KeyActor admin(String memberId) {
        return new KeyActor(memberId, "admin");
    }

    public static KeyActor exchange() {
        return new KeyActor("exchange", "exchange");
    }
}

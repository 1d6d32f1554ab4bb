package org.trilateral.exchange.keys;

import java.util.Objects;

/**
 * Who changes a key, as its key event names it: the member itself through its own token, an admin, or the exchange
 * (configured bootstrap keys).
 *
 * @param id   the acting member's id, or {@code exchange}
 * @param role {@code member}, {@code admin} or {@code exchange}
 */
public record KeyActor(String id, String role) {

    public KeyActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
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

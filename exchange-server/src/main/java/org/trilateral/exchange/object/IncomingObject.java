package org.trilateral.exchange.object;

import java.time.Instant;
import java.util.Objects;
import org.trilateral.exchange.access.Audience;
import org.trilateral.exchange.member.MemberId;

/**
 * An object that passed validation and is about to be stored.
 *
 * @param version     its version (TAXII 2.1 §3.5.1: {@code modified}, else {@code created}); null for objects
 *                    that have neither (most SCOs), whose version becomes the time the exchange added them
 * @param versionText the version exactly as the object writes it, null with {@code version}
 * @param publisherId the member publishing it
 * @param audience    who may read it (docs/access-rules.md)
 */
record IncomingObject(int index, String id, String type, String specVersion, Instant version, String versionText,
                      byte[] sha256, String body, MemberId publisherId, Audience audience) {

    IncomingObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(audience, "audience");
    }

    boolean versioned() {
        return version != null;
    }
}

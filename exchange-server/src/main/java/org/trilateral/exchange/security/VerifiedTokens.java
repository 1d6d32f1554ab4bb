package org.trilateral.exchange.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens one issuer's decoder has verified recently, so that a client sending the same token with every request
 * (an SDK paging or publishing) pays for its signature check once rather than per request. An entry is the exact
 * token text; it is answered only while it is younger than the time to live and the token has not expired (with no
 * clock skew granted), so a cached token never outlives what a fresh verification would accept by more than the
 * time to live. The member behind it is still looked up at every request ({@link MemberTokenConverter}), so a
 * suspension takes effect at once. Bounded: the least recently used entry goes first.
 */
final class VerifiedTokens {

    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Entry> entries;

    VerifiedTokens(int capacity, Duration timeToLive, Clock clock) {
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** Nothing is remembered: every request verifies its token. */
    static VerifiedTokens none(Clock clock) {
        return new VerifiedTokens(0, Duration.ZERO, clock);
    }

    private record Entry(Jwt jwt, Instant verifiedAt) {
    }

    /** The verified token, when it was verified within the time to live and is not expired now. */
    synchronized Jwt find(String token) {
        if (capacity == 0) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        Instant now = clock.instant();
        Instant expires = entry.jwt().getExpiresAt();
        if (now.isAfter(entry.verifiedAt().plus(timeToLive)) || expires == null || !now.isBefore(expires)) {
            entries.remove(token);
            return null;
        }
        return entry.jwt();
    }

    /** Remembers a token that has just been verified. */
    synchronized void remember(String token, Jwt jwt) {
        if (capacity > 0 && jwt.getExpiresAt() != null) {
            entries.put(token, new Entry(jwt, clock.instant()));
        }
    }
}

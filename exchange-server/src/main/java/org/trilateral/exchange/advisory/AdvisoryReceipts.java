package org.trilateral.exchange.advisory;

import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberStore;
import reactor.core.publisher.Mono;

/**
 * Records that a member's system received an advisory, for the delivery channels that learn it themselves (a webhook
 * delivery answered with 2xx). A receipt is recorded only for a member that may read the advisory, through the same
 * read rule as every read; the first receipt of a version is kept.
 */
@Component
public class AdvisoryReceipts {

    private final Advisories advisories;
    private final MemberStore members;

    AdvisoryReceipts(Advisories advisories, MemberStore members) {
        this.advisories = advisories;
        this.members = members;
    }

    /**
     * {@code member}'s system received the current version of advisory {@code reportId} by {@code channel} at {@code at}.
     *
     * @return whether a receipt is recorded (false: no such member, or no such advisory it may read)
     */
    public Mono<Boolean> systemReceived(MemberId member, String reportId, ReceiptChannel channel, Instant at) {
        Objects.requireNonNull(channel, "channel");
        return members.find(member)
                .flatMap(m -> advisories.findFor(Reader.of(m), reportId))
                .flatMap(advisory -> advisories.systemReceived(reportId, advisory.version(), member.value(), channel, at))
                .map(receipt -> true)
                .defaultIfEmpty(false);
    }

    /**
     * {@code member}'s system received version {@code version} of advisory {@code reportId} (the version a delivered
     * event names) by {@code channel} at {@code at}.
     *
     * @return whether a receipt is recorded (false: no such member, or no such version it may read)
     */
    public Mono<Boolean> systemReceived(MemberId member, String reportId, String version, ReceiptChannel channel,
                                        Instant at) {
        Objects.requireNonNull(channel, "channel");
        return members.find(member)
                .flatMap(m -> advisories.readable(Reader.of(m), reportId, version))
                .flatMap(readable -> readable
                        ? advisories.systemReceived(reportId, version, member.value(), channel, at).map(r -> true)
                        : Mono.just(false))
                .defaultIfEmpty(false);
    }
}

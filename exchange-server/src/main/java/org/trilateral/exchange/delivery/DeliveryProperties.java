package org.trilateral.exchange.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live delivery ({@code exchange.delivery.*}, docs/configuration.md).
 *
 * @param pageSize      events read in one query, the most one feed page holds and the most a stream subscriber has
 *                      read but not yet written (its buffer; default 500)
 * @param maxBehind     how many log positions a stream subscriber that had caught up may fall behind the head before it
 *                      is closed, with the reason and the position to resume from (default 100000)
 * @param heartbeat     how often an idle stream gets a heartbeat (default 15 s)
 * @param pollInterval  how often each instance reads the log's head even without a notification (default 2 s): a lost
 *                      notification delays delivery by at most this
 * @param listen        whether to listen for the head's notifications (PostgreSQL LISTEN; default true)
 * @param listenRetry   how long to wait before listening again after the listening connection failed (default 5 s)
 * @param maxStreamAge  how long one stream may stay open before it is closed with a reason and the subscriber must
 *                      reconnect with a current token (default 15 min): an access token is checked when a stream opens,
 *                      so this bounds how long a stream outlives its token. The member is checked again at every
 *                      heartbeat: a suspended member's stream, or one whose roles, nation or sector changed, is closed
 *                      at once
 * @param sharedReadTtl how long a page read for one reader is shared with its other subscribers that ask for the same
 *                      range (default 2 s)
 */
@Validated
@ConfigurationProperties("exchange.delivery")
public record DeliveryProperties(@DefaultValue("500") @Min(1) @Max(10000) int pageSize,
                                 @DefaultValue("100000") @Min(1) long maxBehind,
                                 @DefaultValue("15s") @NotNull Duration heartbeat,
                                 @DefaultValue("2s") @NotNull Duration pollInterval,
                                 @DefaultValue("true") boolean listen,
                                 @DefaultValue("5s") @NotNull Duration listenRetry,
                                 @DefaultValue("2s") @NotNull Duration sharedReadTtl,
                                 @DefaultValue("15m") @NotNull Duration maxStreamAge) {
}

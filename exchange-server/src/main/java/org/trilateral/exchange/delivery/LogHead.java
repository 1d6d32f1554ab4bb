package org.trilateral.exchange.delivery;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The log's head (its size) as this instance knows it, moving forward only. It learns of appends by any instance
 * sharing the database from PostgreSQL notifications on {@code exchange_log} (V50; delivered when the appending
 * transaction commits), listened to on a dedicated connection, and reads the head itself every
 * {@code poll-interval} and after each (re)connection, so a lost notification only delays a wake-up.
 */
@Component
public class LogHead implements SmartLifecycle {

    static final String CHANNEL = "exchange_log";
    private static final Logger log = LoggerFactory.getLogger(LogHead.class);

    private final ChangeStore store;
    private final ConnectionFactory connections;
    private final DeliveryProperties properties;
    private final Sinks.Many<Long> heads = Sinks.many().replay().latest();
    private long latest = -1;
    private volatile Disposable polling;
    private volatile Disposable listening;

    LogHead(ChangeStore store, ConnectionFactory connections, DeliveryProperties properties) {
        this.store = store;
        this.connections = connections;
        this.properties = properties;
    }

    /** The head now and each time it moves (the latest value only, to a subscriber that lags). */
    public Flux<Long> heads() {
        return heads.asFlux().onBackpressureLatest();
    }

    /** The latest head known (-1 before the first is read). */
    synchronized long latest() {
        return latest;
    }

    /** Takes a head read or announced; an older one than known is ignored. */
    synchronized void offer(long size) {
        if (size > latest) {
            latest = size;
            heads.emitNext(size, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    private Mono<Void> readHead() {
        return store.head().doOnNext(this::offer)
                .onErrorResume(e -> {
                    log.warn("could not read the log's head: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        polling = Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> readHead(), 1)
                .subscribe();
        if (properties.listen()) {
            listening = listen()
                    .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, properties.listenRetry())
                            .doBeforeRetry(signal -> log.warn("listening on {} failed, again in {}: {}", CHANNEL,
                                    properties.listenRetry(), signal.failure().toString())))
                    .subscribe();
        }
    }

    /** LISTEN on a connection of its own (not the pool's: it is held for as long as the exchange runs). */
    private Flux<Long> listen() {
        ConnectionFactory factory = connections instanceof Wrapped<?> wrapped
                && wrapped.unwrap() instanceof ConnectionFactory inner ? inner : connections;
        return Flux.usingWhen(Mono.from(factory.create()),
                connection -> {
                    if (!(connection instanceof PostgresqlConnection postgres)) {
                        return Flux.error(new IllegalStateException("LISTEN needs a PostgreSQL connection, not "
                                + connection.getClass().getName()));
                    }
                    return postgres.createStatement("LISTEN " + CHANNEL).execute()
                            .flatMap(PostgresqlResult::getRowsUpdated)
                            .then(readHead())
                            .thenMany(postgres.getNotifications())
                            .concatMap(notification -> {
                                try {
                                    long size = Long.parseLong(notification.getParameter());
                                    offer(size);
                                    return Mono.just(size);
                                } catch (NumberFormatException | NullPointerException e) {
                                    return readHead().then(Mono.empty());
                                }
                            })
                            // The notification stream ends when the connection is lost: listen again.
                            .concatWith(Mono.error(() -> new IllegalStateException("the listening connection closed")));
                },
                Connection::close);
    }

    @Override
    public void stop() {
        Disposable p = polling;
        Disposable l = listening;
        if (p != null) {
            p.dispose();
        }
        if (l != null) {
            l.dispose();
        }
        polling = null;
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}

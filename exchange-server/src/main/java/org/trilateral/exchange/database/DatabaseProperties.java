package org.trilateral.exchange.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the exchange keeps its data ({@code exchange.database.*}).
 *
 * @param url      an R2DBC URL of an existing PostgreSQL server ({@code r2dbc:postgresql://host:5432/exchange});
 *                 empty (the default) starts an embedded PostgreSQL instead
 * @param username user name for {@code url}
 * @param password password for {@code url}
 * @param embedded settings of the embedded server, used only when {@code url} is empty
 * @param pool     connection pool sizes
 * @param pagePool sizes of the pool that pages objects ({@link PageReads}), apart from {@code pool}
 */
@Validated
@ConfigurationProperties("exchange.database")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue @NotNull Embedded embedded,
        @DefaultValue @NotNull Pool pool,
        @DefaultValue @NotNull PagePool pagePool) {

    public boolean useEmbedded() {
        return url == null || url.isBlank();
    }

    /**
     * @param dataDirectory  where the embedded server keeps its files across restarts (default {@code ./data/postgres});
     *                       one exchange at a time: the owner is recorded beside it, in {@code <data-directory>.lock}
     * @param port           its TCP port on the loopback interface; 0 (default) picks a free one at each start
     * @param durable        true (default): {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, so
     *                       an acknowledged envelope survives a power cut or an OS crash; false turns all three off, for
     *                       tests only (a crash of the machine can then lose acknowledged data and corrupt the database)
     * @param startupTimeout how long to wait for the server to accept connections, crash recovery included (default 60 s)
     * @param stopTimeout    how long to wait for a server to stop, its own at shutdown or a stale one left by an exchange
     *                       that was killed (default 60 s)
     */
    public record Embedded(@DefaultValue("data/postgres") @NotNull Path dataDirectory,
                           @DefaultValue("0") @Min(0) @Max(65535) int port,
                           @DefaultValue("true") boolean durable,
                           @DefaultValue("60s") @NotNull Duration startupTimeout,
                           @DefaultValue("60s") @NotNull Duration stopTimeout) {
    }

    /**
     * @param initialSize connections opened at start (default 4)
     * @param maxSize     most connections at once (default 16)
     */
    public record Pool(@DefaultValue("4") @Min(1) int initialSize, @DefaultValue("16") @Min(1) int maxSize) {
    }

    /**
     * @param initialSize paging connections opened at start (default 2)
     * @param maxSize     most paging connections at once (default 8)
     */
    public record PagePool(@DefaultValue("2") @Min(1) int initialSize, @DefaultValue("8") @Min(1) int maxSize) {
    }
}

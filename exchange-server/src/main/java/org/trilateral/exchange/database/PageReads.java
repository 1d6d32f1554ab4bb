package org.trilateral.exchange.database;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Connections for paging queries only, opened with bitmap scans and sorts disabled (docs/performance.md): a page
 * must walk an index in keyset order and stop after {@code limit + 1} rows whatever the planner's statistics say.
 * With stale statistics right after a bulk publish, and the audience condition, PostgreSQL otherwise plans a bitmap
 * scan that reads every row after the cursor and sorts them, so a page would cost more the more objects follow it.
 * Parallel workers are off too: a page reads at most {@code limit + 1} rows, and starting workers cost more than that
 * (tens of milliseconds when the planner cannot bound the walk, as with {@code added_after}). Every filter of a page
 * must therefore be written as a walk in keyset order ({@code ObjectStore.find}). Set per connection, the settings cost
 * no round trip: a page is one statement, with no transaction around it.
 *
 * @param client runs statements on the paging pool ({@code exchange.database.page-pool.*})
 */
public record PageReads(DatabaseClient client) {
}

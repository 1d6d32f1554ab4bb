package org.trilateral.exchange.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * The read rule for one reader, as the SQL condition over a leaf's audience columns ({@code publisher_id},
 * {@code recipients}, {@code sharing_groups}) that the access package renders: the log applies it without knowing
 * the rule.
 *
 * @param sql   a boolean SQL expression with named parameters
 * @param binds the value of each parameter
 */
public record ReadGate(String sql, Map<String, Object> binds) {

    public ReadGate {
        Objects.requireNonNull(sql, "sql");
        binds = Map.copyOf(binds);
    }
}

/**
 * Running the exchange: health of what it depends on (database, transparency log, identity providers' key sets) for
 * the liveness and readiness probes, and the exchange's own metrics for Prometheus (docs/operations.md).
 */
package org.trilateral.exchange.operations;

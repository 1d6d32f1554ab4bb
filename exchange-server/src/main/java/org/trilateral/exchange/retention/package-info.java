/**
 * Retention: per collection, the exchange removes objects that expired long enough ago (docs/operations.md#retention),
 * each removed version leaving a tombstone with {@code deleted_by: retention} in the transparency log.
 */
package org.trilateral.exchange.retention;

/**
 * Oblivious persona tokens (scheme {@code v2-oprf-p256}, RFC 9497 POPRF P256-SHA256): the exchange's key per epoch,
 * the evaluation endpoint members blind their identifiers for, its per-member quotas and the oversight record of
 * every evaluation (docs/persona-identifiers.md §4.2).
 */
package org.trilateral.exchange.oprf;

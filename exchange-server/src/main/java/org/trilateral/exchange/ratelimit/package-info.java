/**
 * Per-member rate limits on every authenticated route: a token bucket per member, refused requests answered 429 with
 * {@code Retry-After} (RFC 6585 §4) and counted (docs/operations.md#rate-limits).
 */
package org.trilateral.exchange.ratelimit;

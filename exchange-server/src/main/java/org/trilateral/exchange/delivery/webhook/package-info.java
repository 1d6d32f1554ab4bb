/**
 * Webhooks (docs/delivery.md#webhooks): members' HTTPS endpoints that receive the change feed's events, signed by the
 * exchange's key, at least once and in order per endpoint and lane, with retries and a dead-letter list.
 */
package org.trilateral.exchange.delivery.webhook;

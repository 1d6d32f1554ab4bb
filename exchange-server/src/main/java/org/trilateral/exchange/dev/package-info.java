/**
 * The development identity provider: on when no issuer is configured, for the one-command local run only. It signs
 * tokens for six demo members and is the only issuer trusted then (docs/identity.md).
 */
package org.trilateral.exchange.dev;

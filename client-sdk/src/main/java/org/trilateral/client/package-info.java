/**
 * The exchange's client library: one {@link org.trilateral.client.ExchangeClient} per process, shared, to
 * publish signed STIX objects, poll collections with a durable cursor and verify what was received.
 */
package org.trilateral.client;

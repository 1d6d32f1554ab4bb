/**
 * Live delivery of what changes in the collections (docs/delivery.md): a change feed to poll and server-sent-event
 * streams, positioned by the transparency log's index and read through the same read rule as TAXII.
 */
package org.trilateral.exchange.delivery;

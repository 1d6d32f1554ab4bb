/**
 * STIX objects in collections: ingest of envelopes (TAXII 2.1 §5.5), reads of objects, one object and its
 * versions (§5.4, §5.6, §5.8), deletion (§5.7), and their storage with every version kept.
 */
package org.trilateral.exchange.object;

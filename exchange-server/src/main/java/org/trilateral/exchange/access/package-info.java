/**
 * Who may read an object: TLP 2.0 markings, the exchange's sharing groups and RED recipients, turned into an
 * audience at ingest and enforced when reading (docs/access-rules.md).
 */
package org.trilateral.exchange.access;

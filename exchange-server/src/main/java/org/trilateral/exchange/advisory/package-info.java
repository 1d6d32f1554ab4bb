/**
 * Advisories (docs/delivery.md, "Advisories"): the STIX reports advisory issuers publish to the advisory collection, read
 * with the objects they reference under the same read rule as TAXII, and their delivery receipts.
 */
package org.trilateral.exchange.advisory;

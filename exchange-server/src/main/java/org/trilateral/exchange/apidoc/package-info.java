/** The OpenAPI description of the exchange's non-TAXII HTTP API, served at {@code GET /openapi.yaml}. */
package org.trilateral.exchange.apidoc;

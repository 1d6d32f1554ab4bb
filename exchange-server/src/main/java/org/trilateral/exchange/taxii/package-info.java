/**
 * The TAXII 2.1 protocol kernel shared by every endpoint: media types and content negotiation (§1.6.8),
 * the error body (§3.6.1), paging cursors and query parameters (§3.4, §3.5), and the routes.
 */
package org.trilateral.exchange.taxii;

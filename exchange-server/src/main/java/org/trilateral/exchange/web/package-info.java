/** The error shape of the exchange's non-TAXII HTTP surfaces (admin API, taxonomy, log): RFC 9457 problem details. */
package org.trilateral.exchange.web;

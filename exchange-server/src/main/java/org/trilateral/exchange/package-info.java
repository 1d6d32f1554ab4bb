/** The exchange server: TAXII 2.1 over PostgreSQL, one package per capability. */
package org.trilateral.exchange;

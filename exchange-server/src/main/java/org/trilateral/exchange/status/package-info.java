/** TAXII 2.1 status resources (§4.3): the per-object outcome of a POST, stored so it can be read back later. */
package org.trilateral.exchange.status;

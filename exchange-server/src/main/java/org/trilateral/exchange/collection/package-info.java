/** The configured TAXII collections (§5.1, §5.2): which exist, what they hold, and looking one up by id or alias. */
package org.trilateral.exchange.collection;

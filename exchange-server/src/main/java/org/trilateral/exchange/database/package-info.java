/** Which PostgreSQL the exchange uses (a configured server or an embedded one), its schema migrations and pool. */
package org.trilateral.exchange.database;

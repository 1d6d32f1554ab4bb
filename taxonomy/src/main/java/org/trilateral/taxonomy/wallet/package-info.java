/** Cryptocurrency wallet addresses: chains, address validation and canonical forms, and the wallet observable. */
package org.trilateral.taxonomy.wallet;

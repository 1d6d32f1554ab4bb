/** STIX patterns and complete indicators for wallets, persona identifiers and facilitator networks. */
package org.trilateral.taxonomy.indicator;

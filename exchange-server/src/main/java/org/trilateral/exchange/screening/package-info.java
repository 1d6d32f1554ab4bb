/**
 * Screening: one request checks a candidate or a payout (persona tokens, wallets, IPs, red-flag facts) against the
 * indicators the caller may read, and answers the matches, the red flags and an overall risk with the rule that
 * gave it. Only readable objects are ever consulted, so the answer is the same whether an unreadable match exists.
 */
package org.trilateral.exchange.screening;

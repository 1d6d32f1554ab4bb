/**
 * Bank identifiers with their published check rules: IBAN (ISO 13616, MOD 97-10 of ISO 7064), US ABA routing numbers
 * and BICs (ISO 9362). An account number is personal data and is only ever tokenised, as a persona identifier of kind
 * {@code bank-account}; these types validate the parts of it.
 */
package org.trilateral.taxonomy.bank;

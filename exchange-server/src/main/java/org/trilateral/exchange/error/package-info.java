/**
 * Refused requests and how they are answered, in one place: domain code throws a {@link
 * org.trilateral.exchange.error.Refusal} (no HTTP in it), the TAXII edge a {@code TaxiiException}; TAXII routes answer
 * with the TAXII 2.1 error message citing its section (§3.6.1), every other surface with RFC 9457 problem details.
 */
package org.trilateral.exchange.error;

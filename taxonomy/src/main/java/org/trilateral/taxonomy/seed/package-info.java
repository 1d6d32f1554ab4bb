/** The bundle of public facts (sanctioned persons and companies, the threat actor) loaded on a new exchange. */
package org.trilateral.taxonomy.seed;

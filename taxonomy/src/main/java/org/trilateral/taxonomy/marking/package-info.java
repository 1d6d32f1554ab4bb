/** The TLP 2.0 marking definitions, with the ids OASIS published for them. */
package org.trilateral.taxonomy.marking;

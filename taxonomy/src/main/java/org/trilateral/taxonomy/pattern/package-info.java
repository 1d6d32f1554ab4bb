/**
 * STIX patterning (STIX 2.1 §9): a parser from pattern text to an immutable syntax tree, with the
 * error position when the text is not a valid pattern.
 */
package org.trilateral.taxonomy.pattern;

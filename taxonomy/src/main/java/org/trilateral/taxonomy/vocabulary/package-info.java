/** The exchange's open vocabularies: indicator kinds, seed sectors, red flags and facilitator kinds. */
package org.trilateral.taxonomy.vocabulary;

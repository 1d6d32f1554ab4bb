/**
 * The exchange's reference data: its identity, extension definitions, vocabularies, TLP 2.0 markings and the
 * public seed facts, served as plain JSON under {@code /taxonomy/} and loaded into the read-only
 * {@code reference} collection so TAXII clients receive them like any other object.
 */
package org.trilateral.exchange.reference;

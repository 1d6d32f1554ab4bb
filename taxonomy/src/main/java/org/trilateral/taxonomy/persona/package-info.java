/** Persona identifiers: normalisation per kind, the tagged form, and the pluggable hash schemes over it. */
package org.trilateral.taxonomy.persona;

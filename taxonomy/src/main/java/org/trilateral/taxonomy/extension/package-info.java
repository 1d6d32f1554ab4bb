/** The exchange's identity, its STIX extension definitions, the objects that use them and their validation. */
package org.trilateral.taxonomy.extension;

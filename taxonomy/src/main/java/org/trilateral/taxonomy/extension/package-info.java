/** The exchange's STIX extension definitions, the objects that use them, and their validation. */
package org.trilateral.taxonomy.extension;

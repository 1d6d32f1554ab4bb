/** STIX 2.1 values (identifiers, timestamps), the JSON reader every module uses, and object validation. */
package org.trilateral.taxonomy.stix;

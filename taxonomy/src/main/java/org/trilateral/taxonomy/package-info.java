/**
 * What members of the exchange can say and how identifiers are written: the STIX 2.1 model and its
 * validation, the exchange's extension definitions and vocabularies, wallet and persona-identifier
 * normalisation. Plain Java, shared by the server and the client SDK.
 */
package org.trilateral.taxonomy;

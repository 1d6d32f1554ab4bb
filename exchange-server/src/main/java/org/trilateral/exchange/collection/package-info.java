/**
 * The API root's collections (TAXII 2.1 §5.1, §5.2): which exist, what they hold and who may read and write them,
 * and the typed {@link org.trilateral.exchange.collection.TaxiiRequest} every TAXII endpoint receives once the edge
 * has resolved the member, the media type and the collection a path names.
 */
package org.trilateral.exchange.collection;

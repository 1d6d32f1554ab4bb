/** RFC 8785 JSON Canonicalization Scheme: the exact bytes that object signatures are computed over. */
package org.trilateral.integrity.jcs;

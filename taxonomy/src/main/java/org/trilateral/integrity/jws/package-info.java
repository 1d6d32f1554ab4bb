/**
 * JSON Web Signatures with a detached, unencoded payload (RFC 7515, RFC 7797), JWKs and their RFC 7638 thumbprints,
 * for Ed25519 (RFC 8037) and P-256 (RFC 7518): the signing primitives of every signed thing the exchange handles.
 */
package org.trilateral.integrity.jws;

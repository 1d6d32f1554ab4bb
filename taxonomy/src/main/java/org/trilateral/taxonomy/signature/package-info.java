/**
 * Detached JWS signatures over STIX objects (RFC 7515 with the unencoded payload of RFC 7797), computed over the
 * RFC 8785 canonical form of the object without its signature extension; keys as JWKs named by their RFC 7638
 * thumbprint. Ed25519 (RFC 8037) and ES256 (RFC 7518 §3.4).
 */
package org.trilateral.taxonomy.signature;

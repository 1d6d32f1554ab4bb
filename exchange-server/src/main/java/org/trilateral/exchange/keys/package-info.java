/**
 * Members' signing keys: registration, rotation and revocation through the admin API (each a transparency-log key
 * event), the JWKS document of current and past keys, and the key lookup that ingest verifies signatures with.
 */
package org.trilateral.exchange.keys;

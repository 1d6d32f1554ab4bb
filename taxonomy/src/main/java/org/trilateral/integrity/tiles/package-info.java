/**
 * The log as C2SP tlog-tiles: tile paths, and the Merkle tree read back from tiles, so a client computes any
 * inclusion or consistency proof from a few cacheable, immutable resources instead of asking for each proof.
 */
package org.trilateral.integrity.tiles;

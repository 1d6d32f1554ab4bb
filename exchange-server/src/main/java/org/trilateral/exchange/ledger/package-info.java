/**
 * The exchange's transparency log: an append-only RFC 9162 Merkle tree over every accepted object version, tombstone,
 * key event and admin event (leaf format 2: object leaves are sealed commitments whose openings only the object's
 * readers get), with signed checkpoints (C2SP tlog-checkpoint), witnesses' cosignatures and O(log n) proofs and tiles
 * (docs/transparency-log.md). Its HTTP surface is the {@code transparency} package.
 */
package org.trilateral.exchange.ledger;

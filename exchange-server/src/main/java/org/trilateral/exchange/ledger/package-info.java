/**
 * The exchange's transparency log: an append-only RFC 9162 Merkle tree over every accepted object version,
 * tombstone and key event, with signed checkpoints (C2SP tlog-checkpoint) and O(log n) proofs served under
 * {@code /log/} (docs/transparency-log.md).
 */
package org.trilateral.exchange.ledger;

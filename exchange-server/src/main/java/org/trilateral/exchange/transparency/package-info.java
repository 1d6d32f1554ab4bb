/**
 * The transparency log's HTTP surface under {@code /log/} (docs/transparency-log.md): checkpoints with the witnesses'
 * cosignatures, tiles, leaves, proofs, and the read-gated openings and audience keys; and the witness submitter.
 */
package org.trilateral.exchange.transparency;

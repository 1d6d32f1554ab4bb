/**
 * Signed tree heads of the transparency log: checkpoints (https://c2sp.org/tlog-checkpoint) inside signed notes
 * (https://c2sp.org/signed-note) with Ed25519 note keys.
 */
package org.trilateral.integrity.checkpoint;

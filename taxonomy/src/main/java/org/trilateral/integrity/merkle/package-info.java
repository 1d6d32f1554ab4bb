/**
 * The transparency log's Merkle tree (RFC 9162 §2.1): leaf and node hashing, inclusion and consistency
 * proofs, their verification, and their generation from persisted perfect-subtree hashes.
 */
package org.trilateral.integrity.merkle;

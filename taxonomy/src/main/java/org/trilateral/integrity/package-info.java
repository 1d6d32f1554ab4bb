/**
 * The exchange's integrity code, shared by server and SDK: RFC 8785 canonical JSON ({@code jcs}), JWS and JWKs
 * ({@code jws}), RFC 9162 Merkle trees and proofs ({@code merkle}), C2SP signed notes and checkpoints
 * ({@code checkpoint}) and RFC 9497 oblivious pseudorandom functions ({@code oprf}). It knows nothing of the STIX
 * model: anything here can be checked without it.
 */
package org.trilateral.integrity;

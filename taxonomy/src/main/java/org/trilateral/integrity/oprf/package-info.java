/**
 * Oblivious pseudorandom functions, RFC 9497, ciphersuite P256-SHA256 in its three modes: OPRF, VOPRF (with the
 * batched DLEQ proof) and POPRF (with public info). Clients ({@link OprfClient}, {@link VoprfClient},
 * {@link PoprfClient}) blind and finalise; servers ({@link OprfServer}, {@link VoprfServer}, {@link PoprfServer})
 * evaluate. Every element and scalar that crosses the wire goes through {@link Element#deserialize(byte[])} and
 * {@link Scalar#deserialize(byte[])}, which refuse invalid encodings with an {@link InputValidationException}.
 */
package org.trilateral.integrity.oprf;

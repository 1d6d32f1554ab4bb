/**
 * The witness side of C2SP tlog-witness: checking that a submitted checkpoint is signed by a log the witness
 * follows and consistent with the last checkpoint it cosigned, then cosigning it (C2SP tlog-cosignature). The HTTP
 * server around it is the SDK's {@code exchange witness}; any party (each nation's agency) can run one.
 */
package org.trilateral.integrity.witness;

/**
 * A transparency-log witness any party can run (each nation's agency, a company): the C2SP tlog-witness HTTP
 * interface around the integrity module's witness, keeping its state in a directory. Run it with
 * {@code exchange witness serve}; the exchange submits each new checkpoint and serves the cosignatures it gets.
 */
package org.trilateral.client.witness;

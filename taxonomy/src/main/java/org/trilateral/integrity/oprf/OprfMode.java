package org.trilateral.integrity.oprf;

/** The three protocol variants of RFC 9497 §3, with their mode identifiers (§3.1). */
public enum OprfMode {
    /** Base mode: the client cannot check which key was used. */
    OPRF(0x00),
    /** Verifiable mode: a DLEQ proof shows the server used the key whose public element the client holds. */
    VOPRF(0x01),
    /** Partially oblivious mode: verifiable, with public info that both sides know and that tweaks the key. */
    POPRF(0x02);

    private final int id;

    OprfMode(int id) {
        this.id = id;
    }

    /** The mode byte written into the context string. */
    public int id() {
        return id;
    }
}

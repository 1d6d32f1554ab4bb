package org.trilateral.integrity.oprf;

import java.nio.charset.StandardCharsets;

/** Fixed keys and inputs for protocol tests. */
final class TestKeys {

    static final byte[] INPUT = "tie-persona|v1|email|alice@example.com".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_INPUT = "tie-persona|v1|email|bob@example.com".getBytes(StandardCharsets.UTF_8);
    static final byte[] INFO = "tie-persona|v2-oprf-p256|email|1".getBytes(StandardCharsets.UTF_8);

    private TestKeys() {
    }

    static OprfKeyPair keys(OprfMode mode, int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return OprfKeyPair.derive(mode, seed, new byte[0]);
    }
}

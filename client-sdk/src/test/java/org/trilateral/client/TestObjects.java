package org.trilateral.client;

import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

/** Objects for the tests. */
final class TestObjects {

    static final String MEMBER = "identity--7b0c3f0e-2a57-4d4a-9a7e-3c1f3b2f4e11";

    private TestObjects() {
    }

    static Indicators indicators() {
        return new Indicators(MEMBER);
    }

    static ObjectNode walletIndicator() {
        return indicators().wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER);
    }
}

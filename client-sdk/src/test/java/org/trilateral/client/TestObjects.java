package org.trilateral.client;

import org.trilateral.taxonomy.marking.Tlp;
import tools.jackson.databind.node.ObjectNode;

/** Objects for the tests. */
final class TestObjects {

    static final String MEMBER = RunningExchange.MEMBER_IDENTITY;

    private TestObjects() {
    }

    static Indicators indicators() {
        return new Indicators(MEMBER);
    }

    static ObjectNode walletIndicator() {
        return indicators().wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER);
    }
}

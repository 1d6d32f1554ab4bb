package org.trilateral.exchange.object;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One element of a POSTed envelope's {@code objects}: the parsed tree, used for validation, and the exact
 * JSON text the member sent, which is what the exchange stores and serves back.
 */
record ReceivedObject(int index, JsonNode tree, String json) {

    ReceivedObject {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(json, "json");
    }
}

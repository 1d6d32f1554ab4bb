package org.trilateral.client;

import tools.jackson.databind.JsonNode;

/** The version of an object version as TAXII names it: {@code modified}, else {@code created} (TAXII 2.1 §3.4.3). */
public final class ObjectVersions {

    private ObjectVersions() {
    }

    public static String versionOf(JsonNode object) {
        for (String name : new String[] {"modified", "created"}) {
            JsonNode value = object.get(name);
            if (value != null && value.isString()) {
                return value.stringValue();
            }
        }
        return null;
    }

    public static String idOf(JsonNode object) {
        JsonNode id = object.get("id");
        return id != null && id.isString() ? id.stringValue() : null;
    }
}

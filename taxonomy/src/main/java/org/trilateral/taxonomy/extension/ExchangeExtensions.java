package org.trilateral.taxonomy.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange's STIX 2.1 extension definitions (§7.3), owned by {@link ExchangeIdentity}: three new SCO types
 * ({@code cryptocurrency-wallet}, {@code persona-identifier}, {@code device-identifier}) and two property extensions
 * ({@code facilitator-infrastructure} on infrastructure, {@code object-signature} on any object). Each definition
 * and its JSON Schema are resources under {@code org/trilateral/taxonomy/extension/}; the server publishes both.
 */
public final class ExchangeExtensions {

    /** New SCO {@code cryptocurrency-wallet}. */
    public static final String CRYPTOCURRENCY_WALLET_ID = "extension-definition--a627fdd5-2d9e-483f-b60a-94f1b47540f3";
    /** New SCO {@code persona-identifier}. */
    public static final String PERSONA_IDENTIFIER_ID = "extension-definition--9d977ce9-4eef-4164-a4b9-69ed64fc17bb";
    /** New SCO {@code device-identifier}: remote-access tool ids and hardware serials. */
    public static final String DEVICE_IDENTIFIER_ID = "extension-definition--80c6d9db-a2b0-4d69-80d7-7b547ce44456";
    /** Property extension of {@code infrastructure} marking facilitator infrastructure. */
    public static final String FACILITATOR_INFRASTRUCTURE_ID = "extension-definition--e364ff7d-277d-4dfa-8947-4d20ea95ae3b";
    /** Property extension carrying members' JWS signatures over an object. */
    public static final String OBJECT_SIGNATURE_ID = "extension-definition--46d798eb-d033-4eb4-ad1c-e7d6d47033b2";

    private static final Map<String, String> RESOURCE_BY_ID = orderedResources();
    private static final Map<String, ObjectNode> DEFINITIONS = load("");
    private static final Map<String, ObjectNode> SCHEMAS = load(".schema");

    private ExchangeExtensions() {
    }

    /** Fresh copies of every extension-definition object, in a fixed order. */
    public static List<ObjectNode> all() {
        return DEFINITIONS.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** A fresh copy of the extension-definition object with this id, if it is one of the exchange's. */
    public static Optional<ObjectNode> byId(String id) {
        return Optional.ofNullable(DEFINITIONS.get(id)).map(ObjectNode::deepCopy);
    }

    /** A fresh copy of the JSON Schema (2020-12) of the extension with this id. */
    public static Optional<ObjectNode> jsonSchema(String id) {
        return Optional.ofNullable(SCHEMAS.get(id)).map(ObjectNode::deepCopy);
    }

    /** True for the id of one of the exchange's extension definitions. */
    public static boolean isExchangeExtension(String id) {
        return RESOURCE_BY_ID.containsKey(id);
    }

    private static Map<String, String> orderedResources() {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(CRYPTOCURRENCY_WALLET_ID, "cryptocurrency-wallet");
        resources.put(PERSONA_IDENTIFIER_ID, "persona-identifier");
        resources.put(FACILITATOR_INFRASTRUCTURE_ID, "facilitator-infrastructure");
        resources.put(OBJECT_SIGNATURE_ID, "object-signature");
        resources.put(DEVICE_IDENTIFIER_ID, "device-identifier");
        return resources;
    }

    private static Map<String, ObjectNode> load(String suffix) {
        Map<String, ObjectNode> loaded = new LinkedHashMap<>();
        RESOURCE_BY_ID.forEach((id, name) -> {
            String resource = name + suffix + ".json";
            try (InputStream in = ExchangeExtensions.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing from the taxonomy jar");
                }
                JsonNode node = StixJson.mapper().readTree(in);
                if (suffix.isEmpty() && !id.equals(node.path("id").asString())) {
                    throw new IllegalStateException("resource " + resource + " has id " + node.path("id") + ", expected " + id);
                }
                loaded.put(id, (ObjectNode) node);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + resource, e);
            }
        });
        return Collections.unmodifiableMap(loaded);
    }
}

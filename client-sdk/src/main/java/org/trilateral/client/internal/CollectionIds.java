package org.trilateral.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.trilateral.client.ServerException;
import tools.jackson.databind.JsonNode;

/**
 * The id of a collection named by its id or alias, read from the collection's resource (TAXII 2.1 §5.2) once and
 * kept. The transparency log names collections by id, while callers usually poll by alias. Thread-safe.
 */
public final class CollectionIds {

    private final Transport transport;
    private final URI apiRoot;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public CollectionIds(Transport transport, URI apiRoot) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
    }

    /**
     * @param idOrAlias the collection's id or alias as given to a poll
     * @throws org.trilateral.client.ExchangeException when the collection's resource cannot be read
     */
    public String idOf(String idOrAlias) {
        Objects.requireNonNull(idOrAlias, "idOrAlias");
        String known = ids.get(idOrAlias);
        if (known != null) {
            return known;
        }
        URI uri = apiRoot.resolve("collections/" + URLEncoder.encode(idOrAlias, StandardCharsets.UTF_8) + "/");
        JsonNode id = transport.send(HttpCall.get(uri, Publisher.TAXII)).json().get("id");
        if (id == null || !id.isString()) {
            throw new ServerException("the collection resource " + uri + " has no \"id\"", (Throwable) null);
        }
        ids.put(idOrAlias, id.stringValue());
        return id.stringValue();
    }
}

package org.trilateral.client.internal;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.trilateral.client.ServerException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A successful (2xx) response.
 *
 * @param uri the URI that was requested
 * @param status the status code
 * @param headers the response headers
 * @param body the whole body
 */
public record HttpResult(URI uri, int status, HttpHeaders headers, byte[] body) {

    /**
     * The body parsed with the exchange's mapper (duplicate names refused, decimals exact).
     *
     * @throws ServerException if the body is not one JSON value, e.g. truncated or malformed
     */
    public JsonNode json() {
        try {
            JsonNode node = StixJson.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ServerException("the response from " + uri + " has an empty body where JSON was expected", (Throwable) null);
            }
            return node;
        } catch (JacksonException e) {
            throw new ServerException("the response from " + uri + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

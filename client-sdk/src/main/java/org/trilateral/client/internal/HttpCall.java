package org.trilateral.client.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request the client makes, before authentication and retries are applied.
 *
 * @param method GET, POST, PUT or DELETE
 * @param uri the absolute URI
 * @param headers request headers (without Authorization)
 * @param body the body of a POST or PUT, or null
 * @param authenticated whether the exchange's access token is sent
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, boolean authenticated) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    /** An authenticated GET accepting {@code accept}. */
    public static HttpCall get(URI uri, String accept) {
        return new HttpCall("GET", uri, Map.of("Accept", accept), null, true);
    }

    /** An authenticated POST of {@code body} as {@code contentType}, accepting {@code accept}. */
    public static HttpCall post(URI uri, String contentType, String accept, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", accept);
        return new HttpCall("POST", uri, headers, body, true);
    }

    /** An authenticated PUT of {@code body} as {@code contentType}, accepting {@code accept}. */
    public static HttpCall put(URI uri, String contentType, String accept, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", accept);
        return new HttpCall("PUT", uri, headers, body, true);
    }

    /** The same call without the access token (token endpoint, public JWKS). */
    public HttpCall anonymous() {
        return new HttpCall(method, uri, headers, body, false);
    }

    /** The same call with one more header. */
    public HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, uri, more, body, authenticated);
    }
}

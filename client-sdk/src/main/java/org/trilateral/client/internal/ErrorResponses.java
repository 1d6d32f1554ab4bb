package org.trilateral.client.internal;

import java.net.URI;
import java.time.Duration;
import org.trilateral.client.AuthenticationException;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.NotFoundException;
import org.trilateral.client.PermissionException;
import org.trilateral.client.RateLimitException;
import org.trilateral.client.ServerException;
import org.trilateral.client.TaxiiError;
import org.trilateral.client.ValidationException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns a non-2xx response into the exception of its kind, keeping the server's error body. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static ExchangeException toException(String method, URI uri, int status, byte[] body, Duration retryAfter) {
        TaxiiError error = parse(status, body);
        String what = method + " " + uri + " answered " + status;
        if (status == 401) {
            return new AuthenticationException(what, error);
        }
        if (status == 403) {
            return new PermissionException(what, error);
        }
        if (status == 404) {
            return new NotFoundException(what, error);
        }
        if (status == 429) {
            return new RateLimitException(what, error, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return new ValidationException(what, error);
        }
        return new ServerException(what, error);
    }

    /**
     * Reads the TAXII error message (TAXII 2.1 §3.6.1: title, description, error_id, error_code) or an OAuth 2.0
     * error response (RFC 6749 §5.2: error, error_description); anything else keeps the status as the title.
     */
    static TaxiiError parse(int status, byte[] body) {
        JsonNode node = null;
        if (body != null && body.length > 0) {
            try {
                node = StixJson.mapper().readTree(body);
            } catch (JacksonException ignored) {
                // not JSON (a proxy's HTML page, a truncated body): the status alone describes the failure
            }
        }
        if (node == null || !node.isObject()) {
            return new TaxiiError("HTTP " + status, null, null, null, status);
        }
        String title = text(node, "title");
        String description = text(node, "description");
        if (title == null && text(node, "error") != null) {
            title = text(node, "error");
            description = text(node, "error_description");
        }
        if (description == null) {
            // RFC 9457 problem details (the exchange's surfaces outside TAXII): the detail says what is wrong.
            description = text(node, "detail");
        }
        return new TaxiiError(title == null ? "HTTP " + status : title, description, text(node, "error_id"),
                text(node, "error_code"), status);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}

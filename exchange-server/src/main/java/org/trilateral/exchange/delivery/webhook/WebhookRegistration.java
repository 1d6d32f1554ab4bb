package org.trilateral.exchange.delivery.webhook;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import tools.jackson.databind.JsonNode;

/**
 * A {@code POST /webhooks} body as typed values: {@code url} (required), {@code collection} (a collection's id or alias
 * the member may read; absent: every collection it may read), {@code types} (STIX types; absent or empty: every type),
 * {@code description}. The URL's address is checked separately ({@link EndpointAddress}), since it resolves the host.
 */
record WebhookRegistration(String url, Optional<TaxiiCollection> collection, Set<String> types, String description) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,249}");
    private static final int MAX_TYPES = 100;
    private static final int MAX_DESCRIPTION = 1000;
    private static final Set<String> MEMBERS = Set.of("url", "collection", "types", "description");

    static WebhookRegistration of(JsonNode body, Member member, CollectionRegistry collections) {
        if (body == null || !body.isObject()) {
            throw Refusal.invalid(null, "the request body must be a JSON object with at least \"url\"");
        }
        for (String name : body.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw Refusal.invalid(name, "unknown member \"" + name + "\"; a webhook has url, collection, types and"
                        + " description");
            }
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isString()) {
            throw Refusal.invalid("url", "url is required, as a string: the endpoint's absolute https URL");
        }
        Optional<TaxiiCollection> collection = Optional.empty();
        JsonNode named = body.get("collection");
        if (named != null && !named.isNull()) {
            if (!named.isString()) {
                throw Refusal.invalid("collection", "collection must be a collection's id or alias, as a string");
            }
            // An unknown collection and one the member may not read are refused alike.
            TaxiiCollection found = collections.find(named.stringValue()).filter(c -> c.canRead(member))
                    .orElseThrow(() -> Refusal.invalid("collection", "the member may read no collection '"
                            + named.stringValue() + "'"));
            collection = Optional.of(found);
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode list = body.get("types");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw Refusal.invalid("types", "types must be an array of STIX types");
            }
            if (list.size() > MAX_TYPES) {
                throw Refusal.invalid("types", "types has " + list.size() + " entries; at most " + MAX_TYPES);
            }
            for (JsonNode type : list) {
                if (!type.isString() || !TYPE.matcher(type.stringValue()).matches()) {
                    throw Refusal.invalid("types", type + " is not a STIX type (lowercase letters, digits and hyphens,"
                            + " 3 to 250 characters)");
                }
                types.add(type.stringValue());
            }
        }
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && !description.isString()) {
            throw Refusal.invalid("description", "description must be a string");
        }
        String text = description == null || description.isNull() ? "" : description.stringValue();
        if (text.length() > MAX_DESCRIPTION) {
            throw Refusal.invalid("description", "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return new WebhookRegistration(url.stringValue(), collection, types, text);
    }
}

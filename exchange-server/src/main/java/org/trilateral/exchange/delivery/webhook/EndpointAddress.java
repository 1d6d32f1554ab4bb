package org.trilateral.exchange.delivery.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Which URLs may receive deliveries: absolute {@code https} URLs (or {@code http} when {@code exchange.webhooks.allow-http}
 * is set) whose host resolves only to public addresses, unless the host is in {@code exchange.webhooks.allowed-hosts}.
 * A member must not be able to make the exchange POST to its own loopback, the cluster's private network or a cloud
 * metadata address (server-side request forgery). Checked when an endpoint is registered and again before each delivery,
 * since a name may resolve elsewhere later.
 */
@Component
class EndpointAddress {

    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookProperties properties;

    EndpointAddress(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL, parsed and checked; refused as invalid with the reason. Resolves the host off the event loop. */
    Mono<URI> check(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (Refusal refusal) {
            return Mono.error(refusal);
        }
        String host = host(uri);
        if (properties.allowedHosts().contains(host)) {
            return Mono.just(uri);
        }
        return Mono.fromCallable(() -> InetAddress.getAllByName(host))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(UnknownHostException.class, e -> Refusal.invalid("url", "the host '" + host
                        + "' of the url does not resolve"))
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        if (!isPublic(address)) {
                            throw Refusal.invalid("url", "the host '" + host + "' of the url resolves to "
                                    + address.getHostAddress() + ", which is not a public address; webhooks are delivered"
                                    + " only to public addresses unless the host is in exchange.webhooks.allowed-hosts");
                        }
                    }
                    return uri;
                });
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw Refusal.invalid("url", "url is required: the endpoint's absolute https URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw Refusal.invalid("url", "url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Refusal.invalid("url", "url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
            throw Refusal.invalid("url", "url must be an https URL" + (scheme.equals("http")
                    ? " (http is refused: deliveries carry the member's data; exchange.webhooks.allow-http is off)"
                    : ", not \"" + url + "\""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw Refusal.invalid("url", "url has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw Refusal.invalid("url", "url must not carry user information (credentials)");
        }
        if (uri.getRawFragment() != null) {
            throw Refusal.invalid("url", "url must not have a fragment");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        // URI keeps the brackets of an IPv6 literal.
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A public unicast address: not loopback, private (RFC 1918, RFC 4193), link-local, CGNAT, wildcard or multicast. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses (RFC 4193); an IPv4-mapped address is judged by its IPv4 part.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0.0.0.0/8, 100.64.0.0/10 (RFC 6598), 192.0.0.0/24 (RFC 6890), 198.18.0.0/15 (benchmarking), 240.0.0.0/4.
        return first != 0 && !(first == 100 && (second & 0xc0) == 64) && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                && !(first == 198 && (second == 18 || second == 19)) && first < 240;
    }
}

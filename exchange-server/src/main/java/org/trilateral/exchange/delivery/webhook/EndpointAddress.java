package org.trilateral.exchange.delivery.webhook;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.error.Refusal;
import reactor.core.publisher.Mono;

/**
 * Which URLs may receive deliveries: absolute {@code https} URLs (or {@code http} when {@code exchange.webhooks.allow-http}
 * is set) whose host resolves only to public addresses, unless the host is in {@code exchange.webhooks.allowed-hosts}.
 * A member must not be able to make the exchange POST to its own loopback, the cluster's private network or a cloud
 * metadata address (server-side request forgery). Checked when an endpoint is registered, and at each delivery: the
 * URL's form and an IP literal before it is sent, a host name's addresses when the connection resolves it
 * ({@link ConnectionAddressCheck}), so that the address connected to is one that was checked.
 */
@Component
class EndpointAddress {

    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookProperties properties;
    private final HostLookup lookup;

    EndpointAddress(WebhookProperties properties, HostLookup lookup) {
        this.properties = properties;
        this.lookup = lookup;
    }

    /** The URL, parsed and checked (for a registration); refused as invalid with the reason. */
    Mono<URI> check(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (Refusal refusal) {
            return Mono.error(refusal);
        }
        String host = host(uri);
        // An allowed host is not resolved when registered: it may be set up in DNS later, and is resolved at delivery.
        return properties.allowedHosts().contains(host) ? Mono.just(uri) : publicAddresses(host).thenReturn(uri);
    }

    /**
     * Before a delivery: the URL as the settings allow it now (its scheme) and, when its host is an IP literal, that
     * address, which no connection resolves. A host name is checked when the connection resolves it.
     */
    URI deliverable(URI url) {
        URI uri = parse(url.toString());
        String host = host(uri);
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
            if (!properties.allowedHosts().contains(host) && !isPublic(literal)) {
                throw notPublic(host, literal);
            }
        }
        return uri;
    }

    /**
     * Every address {@code host} resolves to now, each of them public, or the host allowed; refused naming the first
     * address that is not public, or saying that the host does not resolve.
     */
    Mono<List<InetAddress>> publicAddresses(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        return lookup.addresses(host)
                .onErrorMap(UnknownHostException.class, e -> Refusal.invalid("url", "the host '" + host
                        + "' of the url does not resolve"))
                .map(addresses -> {
                    if (addresses.isEmpty()) {
                        throw Refusal.invalid("url", "the host '" + host + "' of the url does not resolve");
                    }
                    if (!properties.allowedHosts().contains(host)) {
                        for (InetAddress address : addresses) {
                            if (!isPublic(address)) {
                                throw notPublic(host, address);
                            }
                        }
                    }
                    return addresses;
                });
    }

    private static Refusal notPublic(String host, InetAddress address) {
        return Refusal.invalid("url", "the host '" + host + "' of the url resolves to " + address.getHostAddress()
                + ", which is not a public address; webhooks are delivered only to public addresses unless the host is"
                + " in exchange.webhooks.allowed-hosts");
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

package org.trilateral.exchange.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.error.Refusal;

/**
 * Which URLs may receive deliveries, with the default settings (https only, public addresses only) and with an
 * allow-list: plain http, loopback, private, link-local (cloud metadata), CGNAT, unique-local and wildcard addresses are
 * refused with the reason, naming the url field.
 */
class EndpointAddressTest {

    private static WebhookProperties properties(boolean allowHttp, List<String> allowedHosts) {
        return new WebhookProperties(true, allowHttp, allowedHosts, 10, 100, 1048576, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 16, Duration.ofSeconds(1), Duration.ofHours(1), 2, Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofMinutes(1), 1000, null, true);
    }

    private static final EndpointAddress DEFAULTS = new EndpointAddress(properties(false, List.of()), new SystemHostLookup());

    @Test
    void checkWhenHttpByDefaultThenRefused() {
        assertRefused(DEFAULTS, "http://93.184.216.34/hook", "http is refused");
    }

    @Test
    void checkWhenNotAnAbsoluteHttpsUrlThenRefused() {
        assertRefused(DEFAULTS, "ftp://93.184.216.34/hook", "https");
        assertRefused(DEFAULTS, "/relative", "https");
        assertRefused(DEFAULTS, "https://user:secret@93.184.216.34/hook", "user information");
        assertRefused(DEFAULTS, "https://93.184.216.34/hook#fragment", "fragment");
        assertRefused(DEFAULTS, "https://exa mple.org/", "not a valid URI");
        assertRefused(DEFAULTS, "", "url is required");
    }

    @Test
    void checkWhenHostIsLoopbackPrivateOrLinkLocalThenRefusedByDefault() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.8/hook",
                "https://172.16.5.4/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://[fe80::1]/hook")) {
            assertRefused(DEFAULTS, url, "not a public address");
        }
    }

    @Test
    void checkWhenPublicAddressThenAccepted() {
        assertThat(DEFAULTS.check("https://93.184.216.34:8443/hook?x=1").block())
                .isEqualTo(URI.create("https://93.184.216.34:8443/hook?x=1"));
    }

    @Test
    void checkWhenHostAllowedThenAcceptedAlthoughLoopback() {
        EndpointAddress allowing = new EndpointAddress(properties(true, List.of("LOCALHOST", "127.0.0.1")), new SystemHostLookup());

        assertThat(allowing.check("http://localhost:8080/hook").block()).hasHost("localhost");
        assertThat(allowing.check("https://127.0.0.1/hook").block()).hasHost("127.0.0.1");
        assertRefused(allowing, "https://10.0.0.8/hook", "exchange.webhooks.allowed-hosts");
    }

    @Test
    void isPublicWhenIpv4MappedOrDocumentationRangesThenByTheirKind() throws UnknownHostException {
        assertThat(EndpointAddress.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(EndpointAddress.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
        assertThat(EndpointAddress.isPublic(InetAddress.getByName("::ffff:10.0.0.1"))).isFalse();
        assertThat(EndpointAddress.isPublic(InetAddress.getByName("224.0.0.1"))).isFalse();
        assertThat(EndpointAddress.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
    }

    @Test
    void deliverableWhenIpLiteralNotPublicOrSchemeNoLongerAllowedThenRefusedWithoutResolving() {
        EndpointAddress failingLookup = new EndpointAddress(properties(false, List.of("127.0.0.1")),
                host -> reactor.core.publisher.Mono.error(new AssertionError("resolved " + host)));

        assertThatThrownBy(() -> failingLookup.deliverable(URI.create("https://10.0.0.8/hook")))
                .isInstanceOf(Refusal.class).hasMessageContaining("10.0.0.8, which is not a public address");
        assertThatThrownBy(() -> failingLookup.deliverable(URI.create("https://[fd00::1]/hook")))
                .isInstanceOf(Refusal.class).hasMessageContaining("not a public address");
        assertThatThrownBy(() -> failingLookup.deliverable(URI.create("http://93.184.216.34/hook")))
                .isInstanceOf(Refusal.class).hasMessageContaining("http is refused");
        assertThat(failingLookup.deliverable(URI.create("https://127.0.0.1/hook"))).hasHost("127.0.0.1");
        // A name is left to the connection's resolution, which checks what it connects to.
        assertThat(failingLookup.deliverable(URI.create("https://hooks.example.org/hook"))).hasHost("hooks.example.org");
    }

    @Test
    void publicAddressesWhenAnyResolvedAddressIsPrivateThenRefusedNamingIt() throws UnknownHostException {
        InetAddress publicOne = InetAddress.getByName("93.184.216.34");
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        EndpointAddress mixed = new EndpointAddress(properties(false, List.of()),
                host -> reactor.core.publisher.Mono.just(List.of(publicOne, metadata)));

        assertThatThrownBy(() -> mixed.publicAddresses("Hooks.Example.org").block()).isInstanceOf(Refusal.class)
                .hasMessageContaining("'hooks.example.org'").hasMessageContaining("169.254.169.254");
        EndpointAddress unknown = new EndpointAddress(properties(false, List.of()),
                host -> reactor.core.publisher.Mono.error(new UnknownHostException(host)));
        assertThatThrownBy(() -> unknown.publicAddresses("nowhere.example").block()).isInstanceOf(Refusal.class)
                .hasMessageContaining("does not resolve");
    }

    private static void assertRefused(EndpointAddress address, String url, String reason) {
        assertThatThrownBy(() -> address.check(url).block()).isInstanceOf(Refusal.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("url"));
    }
}

package org.trilateral.exchange.delivery.webhook;

import java.net.InetAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * How an endpoint's host name is resolved, both when its URL is checked and when a connection to it is made
 * ({@link ConnectionAddressCheck}): {@link SystemHostLookup} in the exchange. An answer may differ from one call to the
 * next (a short DNS TTL, or a rebinding attacker's server), which is why a connection never resolves the name again
 * after checking it.
 */
@FunctionalInterface
interface HostLookup {

    /** Every address {@code host} resolves to now; fails with {@link java.net.UnknownHostException} when it does not. */
    Mono<List<InetAddress>> addresses(String host);
}

package org.trilateral.exchange.delivery.webhook;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The only name resolution of webhook connections: the host is resolved once per connection and every address it
 * resolves to is checked ({@link EndpointAddress#publicAddresses}) before the connection is made, to one of those
 * addresses. Checking a name and then letting the connection resolve it again would leave a window in which a DNS
 * server that answers a public address first and {@code 127.0.0.1} or {@code 169.254.169.254} next (DNS rebinding) gets
 * the exchange to POST to a private address. The URL keeps its host name, so TLS still sends it (SNI) and checks the
 * certificate against it, and the {@code Host} header names it.
 */
final class ConnectionAddressCheck extends AddressResolverGroup<InetSocketAddress> {

    private final EndpointAddress addresses;

    ConnectionAddressCheck(EndpointAddress addresses) {
        this.addresses = addresses;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new CheckedNames(executor, addresses));
    }

    private static final class CheckedNames extends InetNameResolver {

        private final EndpointAddress addresses;

        CheckedNames(EventExecutor executor, EndpointAddress addresses) {
            super(executor);
            this.addresses = addresses;
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            addresses.publicAddresses(host).subscribe(found -> promise.trySuccess(found.get(0)), promise::tryFailure);
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            addresses.publicAddresses(host).subscribe(promise::trySuccess, promise::tryFailure);
        }
    }
}

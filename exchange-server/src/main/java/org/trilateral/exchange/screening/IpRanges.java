package org.trilateral.exchange.screening;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.trilateral.taxonomy.indicator.IpNetwork;

/** Whether an address lies in a network (RFC 4632 prefix), both canonical {@link IpNetwork}s. */
final class IpRanges {

    private IpRanges() {
    }

    static boolean contains(IpNetwork network, IpNetwork address) {
        return Prefix.of(network).contains(Prefix.of(address));
    }

    /**
     * An address or network as its bytes and prefix length, decoded once so that a screening compares each of its IPs
     * with each network of an indicator by bytes, without parsing either again.
     *
     * @param address the address bytes (4 for IPv4, 16 for IPv6), host bits zero for a network
     * @param length  the prefix length; 32 or 128 for a single address
     */
    record Prefix(byte[] address, int length) {

        static Prefix of(IpNetwork network) {
            String value = network.value();
            int slash = value.indexOf('/');
            String host = slash < 0 ? value : value.substring(0, slash);
            byte[] bytes;
            try {
                // Canonical literals only (IpNetwork checked them): no name lookup happens.
                bytes = InetAddress.getByName(network.stixType().equals("ipv6-addr") ? "[" + host + "]" : host).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a canonical IP literal did not parse: " + host, e);
            }
            return new Prefix(bytes, slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1)));
        }

        /** Whether {@code other} lies inside this network: same family, at least as long a prefix, the same leading bits. */
        boolean contains(Prefix other) {
            if (other.address.length != address.length || other.length < length) {
                return false;
            }
            int whole = length / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != other.address[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (other.address[whole] & mask);
        }
    }
}

package org.trilateral.exchange.screening;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.trilateral.taxonomy.indicator.IpNetwork;

/** Whether an address lies in a network (RFC 4632 prefix), both canonical {@link IpNetwork}s. */
final class IpRanges {

    private IpRanges() {
    }

    static boolean contains(IpNetwork network, IpNetwork address) {
        if (!network.stixType().equals(address.stixType())) {
            return false;
        }
        byte[] net = bytes(network.value());
        byte[] ip = bytes(address.value());
        int bits = net.length * 8;
        int prefix = prefix(network.value(), bits);
        int addressPrefix = prefix(address.value(), bits);
        if (addressPrefix < prefix) {
            // A wider network given as the "address" is not inside a narrower one.
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, ip).and(mask));
    }

    private static int prefix(String value, int bits) {
        int slash = value.indexOf('/');
        return slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
    }

    private static byte[] bytes(String value) {
        int slash = value.indexOf('/');
        String host = slash < 0 ? value : value.substring(0, slash);
        try {
            // Canonical literals only (IpNetwork checked them): no name lookup happens.
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a canonical IP literal did not parse: " + host, e);
        }
    }
}

package org.trilateral.taxonomy.indicator;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR network of facilitator infrastructure, in one canonical spelling so that two
 * members write the same pattern: IPv4 dotted decimal without leading zeros, IPv6 per RFC 5952 (lower case,
 * longest zero run compressed), no host bits set, and no {@code /32} or {@code /128} suffix on single addresses.
 *
 * @param stixType {@code ipv4-addr} or {@code ipv6-addr}
 * @param value the canonical address or network, as written in the STIX {@code value} property
 */
public record IpNetwork(String stixType, String value) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,3}))?");
    private static final Pattern IPV6 = Pattern.compile("([0-9A-Fa-f:.]+)(?:/(\\d{1,3}))?");

    /** Refuses a value that is not already canonical; use {@link #parse(String)} to canonicalise. */
    public IpNetwork {
        Objects.requireNonNull(stixType, "stixType");
        Canonical canonical = canonicalize(value);
        if (!canonical.stixType().equals(stixType) || !canonical.value().equals(value)) {
            throw new IllegalArgumentException("'" + value + "' as " + stixType + " is not canonical; write " + canonical.stixType() + " '" + canonical.value() + "'");
        }
    }

    private record Canonical(String stixType, String value) {
    }

    /**
     * Parses an address or CIDR network and returns its canonical form.
     *
     * @throws IllegalArgumentException naming what is wrong (bad octet, leading zero, prefix out of range, host bits set)
     */
    public static IpNetwork parse(String text) {
        Canonical canonical = canonicalize(text);
        return new IpNetwork(canonical.stixType(), canonical.value());
    }

    private static Canonical canonicalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("IP address is missing");
        }
        String input = text.strip();
        return input.contains(":") ? parseIpv6(input) : parseIpv4(input);
    }

    private static Canonical parseIpv4(String input) {
        Matcher m = IPV4.matcher(input);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + input + "' is not an IPv4 address (a.b.c.d) or network (a.b.c.d/n)");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String octet = m.group(i + 1);
            if (octet.length() > 1 && octet.startsWith("0")) {
                throw new IllegalArgumentException("'" + input + "' has a leading zero in octet '" + octet + "' (ambiguous: octal in some parsers)");
            }
            int v = Integer.parseInt(octet);
            if (v > 255) {
                throw new IllegalArgumentException("'" + input + "' has octet " + v + " above 255");
            }
            bytes[i] = (byte) v;
        }
        int prefix = prefix(m.group(5), 32, input);
        checkHostBits(bytes, prefix, input, "ipv4-addr");
        String address = (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        return new Canonical("ipv4-addr", prefix == 32 ? address : address + "/" + prefix);
    }

    private static Canonical parseIpv6(String input) {
        Matcher m = IPV6.matcher(input);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + input + "' is not an IPv6 address or network");
        }
        InetAddress parsed;
        try {
            // In brackets the JDK treats the text as an IPv6 literal and refuses it rather than falling back to DNS.
            parsed = InetAddress.getByName("[" + m.group(1) + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + input + "' is not a valid IPv6 address", e);
        }
        if (parsed instanceof Inet4Address) {
            throw new IllegalArgumentException("'" + input + "' is an IPv4-mapped IPv6 address; write the IPv4 address " + parsed.getHostAddress());
        }
        if (!(parsed instanceof Inet6Address)) {
            throw new IllegalArgumentException("'" + input + "' is not an IPv6 address");
        }
        byte[] bytes = parsed.getAddress();
        int prefix = prefix(m.group(2), 128, input);
        checkHostBits(bytes, prefix, input, "ipv6-addr");
        String address = rfc5952(bytes);
        return new Canonical("ipv6-addr", prefix == 128 ? address : address + "/" + prefix);
    }

    private static int prefix(String text, int max, String input) {
        if (text == null) {
            return max;
        }
        if (text.length() > 1 && text.startsWith("0")) {
            throw new IllegalArgumentException("'" + input + "' has a leading zero in its prefix length");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > max) {
            throw new IllegalArgumentException("'" + input + "' has prefix length " + prefix + ", above " + max);
        }
        return prefix;
    }

    private static void checkHostBits(byte[] bytes, int prefix, String input, String type) {
        BigInteger value = new BigInteger(1, bytes);
        int bits = bytes.length * 8;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (value.and(hostMask).signum() != 0) {
            byte[] network = toBytes(value.andNot(hostMask), bytes.length);
            String canonical = type.equals("ipv4-addr")
                    ? (network[0] & 0xff) + "." + (network[1] & 0xff) + "." + (network[2] & 0xff) + "." + (network[3] & 0xff)
                    : rfc5952(network);
            throw new IllegalArgumentException("'" + input + "' has host bits set; the network is " + canonical + "/" + prefix);
        }
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    /** RFC 5952 §4: lower case, no leading zeros, the longest run (first on a tie) of two or more zero groups as "::". */
    private static String rfc5952(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}

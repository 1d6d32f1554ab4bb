package org.trilateral.taxonomy.indicator;

import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.wallet.WalletAddress;

/**
 * STIX 2.1 patterns (§9) for the exchange's indicators, written in one fixed form so that equal observations give
 * byte-identical patterns: one observation expression, comparisons joined by {@code AND} in a fixed order.
 */
public final class StixPatterns {

    private StixPatterns() {
    }

    /** {@code [cryptocurrency-wallet:chain = '...' AND cryptocurrency-wallet:address = '...']}. */
    public static String wallet(WalletAddress address) {
        return "[cryptocurrency-wallet:chain = " + literal(address.chain().caip2())
                + " AND cryptocurrency-wallet:address = " + literal(address.address()) + "]";
    }

    /**
     * {@code [persona-identifier:kind = '...' AND persona-identifier:scheme = '...' AND persona-identifier:digest = '...']},
     * followed by {@code AND persona-identifier:platform = '...'} for usernames.
     */
    public static String personaIdentifier(PersonaDigest digest) {
        StringBuilder pattern = new StringBuilder("[persona-identifier:kind = ").append(literal(digest.kind().value()))
                .append(" AND persona-identifier:scheme = ").append(literal(digest.scheme()))
                .append(" AND persona-identifier:digest = ").append(literal(digest.digest()));
        if (digest.platform() != null) {
            pattern.append(" AND persona-identifier:platform = ").append(literal(digest.platform()));
        }
        return pattern.append(']').toString();
    }

    /**
     * {@code [device-identifier:id_type = '...' AND device-identifier:value = '...']}, followed by
     * {@code AND device-identifier:manufacturer = '...'} for serials.
     */
    public static String deviceIdentifier(DeviceIdentifier device) {
        StringBuilder pattern = new StringBuilder("[device-identifier:id_type = ").append(literal(device.type().value()))
                .append(" AND device-identifier:value = ").append(literal(device.value()));
        if (device.manufacturer() != null) {
            pattern.append(" AND device-identifier:manufacturer = ").append(literal(device.manufacturer()));
        }
        return pattern.append(']').toString();
    }

    /** {@code [ipv4-addr:value = '203.0.113.0/24']} or the {@code ipv6-addr} equivalent. */
    public static String network(IpNetwork network) {
        return "[" + network.stixType() + ":value = " + literal(network.value()) + "]";
    }

    /** A STIX pattern string literal (§9.2): in single quotes, with {@code \} and {@code '} escaped by a backslash. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

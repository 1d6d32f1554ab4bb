package org.trilateral.exchange.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.indicator.IpNetwork;

class IpRangesTest {

    private static boolean contains(String network, String address) {
        return IpRanges.contains(IpNetwork.parse(network), IpNetwork.parse(address));
    }

    @Test
    void containsWhenAddressInsideNetworkThenTrue() {
        assertThat(contains("203.0.113.0/24", "203.0.113.255")).isTrue();
        assertThat(contains("203.0.113.7", "203.0.113.7")).isTrue();
        assertThat(contains("2001:db8::/32", "2001:db8:1::1")).isTrue();
    }

    @Test
    void containsWhenOutsideOrOtherFamilyThenFalse() {
        assertThat(contains("203.0.113.0/24", "203.0.114.0")).isFalse();
        assertThat(contains("203.0.113.7", "203.0.113.8")).isFalse();
        assertThat(contains("203.0.113.0/24", "2001:db8::1")).isFalse();
        assertThat(contains("203.0.113.0/25", "203.0.113.0/24")).isFalse();
    }

    @Test
    void containsWhenPrefixNotOnAByteBoundaryThenComparesItsBitsOnly() {
        assertThat(contains("198.18.0.0/15", "198.19.255.1")).isTrue();
        assertThat(contains("198.18.0.0/15", "198.20.0.1")).isFalse();
        assertThat(contains("203.0.113.128/25", "203.0.113.200")).isTrue();
        assertThat(contains("203.0.113.128/25", "203.0.113.127")).isFalse();
        assertThat(contains("0.0.0.0/0", "192.0.2.1")).isTrue();
        assertThat(contains("2001:db8:76::/47", "2001:db8:77::1")).isTrue();
        assertThat(contains("2001:db8:76::/47", "2001:db8:78::1")).isFalse();
    }

    @Test
    void prefixWhenDecodedOnceThenAnswersAsTheNetworks() {
        IpRanges.Prefix network = IpRanges.Prefix.of(IpNetwork.parse("2001:db8::/32"));

        assertThat(network.length()).isEqualTo(32);
        assertThat(network.address()).hasSize(16);
        assertThat(network.contains(IpRanges.Prefix.of(IpNetwork.parse("2001:db8:ffff::1")))).isTrue();
        assertThat(network.contains(IpRanges.Prefix.of(IpNetwork.parse("2001:db9::1")))).isFalse();
        assertThat(IpRanges.Prefix.of(IpNetwork.parse("203.0.113.7")).length()).isEqualTo(32);
    }
}

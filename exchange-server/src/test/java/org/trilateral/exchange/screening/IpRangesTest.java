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
}

package org.trilateral.taxonomy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.0/24, ipv4-addr, 203.0.113.0/24",
            "198.51.100.7/32, ipv4-addr, 198.51.100.7",
            "' 192.0.2.1 ', ipv4-addr, 192.0.2.1",
            "2001:DB8:0:0:0:0:0:1, ipv6-addr, 2001:db8::1",
            "2001:db8:0:0:1:0:0:0/80, ipv6-addr, 2001:db8:0:0:1::/80",
            "2001:db8::/32, ipv6-addr, 2001:db8::/32",
            "2001:0db8:0000:0000:0000:0000:0000:0001/128, ipv6-addr, 2001:db8::1",
            "2001:db8:0:1:1:1:1:1, ipv6-addr, 2001:db8:0:1:1:1:1:1"
    })
    void parseWhenValidThenCanonical(String input, String type, String canonical) {
        IpNetwork network = IpNetwork.parse(input);
        assertThat(network.stixType()).isEqualTo(type);
        assertThat(network.value()).isEqualTo(canonical);
    }

    @Test
    void parseWhenHostBitsSetThenRefusedNamingNetwork() {
        assertThatThrownBy(() -> IpNetwork.parse("203.0.113.5/24"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("203.0.113.0/24");
        assertThatThrownBy(() -> IpNetwork.parse("2001:db8::1/64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2001:db8::/64");
    }

    @Test
    void parseWhenOctetLeadingZeroOrTooLargeThenRefused() {
        assertThatThrownBy(() -> IpNetwork.parse("010.0.0.1")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> IpNetwork.parse("256.0.0.1")).hasMessageContaining("above 255");
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).hasMessageContaining("above 32");
    }

    @Test
    void parseWhenHostNameThenRefusedWithoutLookup() {
        assertThatThrownBy(() -> IpNetwork.parse("example.com")).hasMessageContaining("not an IPv4");
    }

    @Test
    void parseWhenMalformedIpv6ThenRefusedWithoutLookup() {
        assertThatThrownBy(() -> IpNetwork.parse("1:2:3")).hasMessageContaining("not a valid IPv6 address");
    }

    @Test
    void parseWhenIpv4MappedThenRefusedNamingIpv4() {
        assertThatThrownBy(() -> IpNetwork.parse("::ffff:192.0.2.1")).hasMessageContaining("192.0.2.1");
    }

    @Test
    void constructorWhenNotCanonicalThenRefused() {
        assertThatThrownBy(() -> new IpNetwork("ipv6-addr", "2001:DB8::1")).hasMessageContaining("2001:db8::1");
    }
}

package org.trilateral.taxonomy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.BankAccountIdentifiers;
import org.trilateral.taxonomy.persona.PaymentAccountIdentifiers;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.PostalAddressIdentifiers;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.testing.OasisSchemas;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

class IndicatorBuilderTest {

    private static final String MEMBER = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:30:15.123456Z"), ZoneOffset.UTC);

    private static IndicatorBuilder wallet() {
        return IndicatorBuilder.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))
                .createdByRef(MEMBER).marking(Tlp.AMBER).clock(CLOCK);
    }

    @Test
    void buildWhenWalletThenExactIndicator() {
        ObjectNode indicator = wallet().id("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f").build();
        assertThat(StixJson.mapper().writeValueAsString(indicator)).isEqualTo("{\"type\":\"indicator\",\"spec_version\":\"2.1\","
                + "\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\",\"created_by_ref\":\"" + MEMBER + "\","
                + "\"created\":\"2026-03-01T09:30:15.123Z\",\"modified\":\"2026-03-01T09:30:15.123Z\","
                + "\"name\":\"Payroll wallet TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t on tron:mainnet\","
                + "\"indicator_types\":[\"malicious-activity\"],"
                + "\"pattern\":\"[cryptocurrency-wallet:chain = 'tron:mainnet' AND cryptocurrency-wallet:address = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']\","
                + "\"pattern_type\":\"stix\",\"pattern_version\":\"2.1\",\"valid_from\":\"2026-03-01T09:30:15.123Z\","
                + "\"labels\":[\"payroll-wallet\"],\"object_marking_refs\":[\"" + Tlp.AMBER.id() + "\"]}");
    }

    @Test
    void buildWhenEveryFactoryThenValidAgainstOasisIndicatorSchema() {
        OasisSchemas schemas = OasisSchemas.load();
        List<ObjectNode> indicators = List.of(
                wallet().build(),
                wallet().description("Seen in payroll of two members").indicatorTypes("attribution", "malicious-activity")
                        .validUntil(Instant.parse("2027-01-01T00:00:00Z")).label("usdt").build(),
                IndicatorBuilder.personaIdentifier(new V1Sha256().digest(PhoneIdentifiers.normalise("010-1234-5678", "KR")))
                        .createdByRef(MEMBER).marking(Tlp.GREEN).build(),
                IndicatorBuilder.network(IpNetwork.parse("203.0.113.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                        .createdByRef(MEMBER).marking(Tlp.AMBER_STRICT).build(),
                IndicatorBuilder.network(IpNetwork.parse("2001:db8::/48"), IndicatorKind.VPN_EXIT)
                        .createdByRef(MEMBER).marking(Tlp.RED).build());
        for (ObjectNode indicator : indicators) {
            assertThat(schemas.errors("sdos/indicator.json", indicator)).as(indicator.toString()).isEmpty();
        }
    }

    @Test
    void personaIdentifierWhenAccountOrAddressThenPayrollAccountOrShippingAddressKind() {
        V1Sha256 v1 = new V1Sha256();

        assertThat(label(IndicatorBuilder.personaIdentifier(v1.digest(BankAccountIdentifiers.iban("DE89370400440532013000"))))).isEqualTo("payroll-account");
        assertThat(label(IndicatorBuilder.personaIdentifier(v1.digest(PaymentAccountIdentifiers.normalise("wise", "87654321"))))).isEqualTo("payroll-account");
        assertThat(label(IndicatorBuilder.personaIdentifier(v1.digest(PostalAddressIdentifiers.normalise("US", "94103", "1 Main St"))))).isEqualTo("shipping-address");
        assertThat(label(IndicatorBuilder.personaIdentifier(v1.digest(PhoneIdentifiers.normalise("010-1234-5678", "KR"))))).isEqualTo("persona-identifier");
    }

    @Test
    void deviceIdentifierWhenRemoteIdOrSerialThenKindAndNameNameIt() {
        ObjectNode anydesk = IndicatorBuilder.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123 456 789"))
                .createdByRef(MEMBER).marking(Tlp.CLEAR).build();
        ObjectNode serial = IndicatorBuilder.deviceIdentifier(DeviceIdentifier.serial("apple", "C02XL0GTJGH5"))
                .createdByRef(MEMBER).marking(Tlp.AMBER).build();

        assertThat(anydesk.get("labels").get(0).stringValue()).isEqualTo("remote-access-tool");
        assertThat(anydesk.get("name").stringValue()).isEqualTo("Remote-access id 123456789 (anydesk)");
        assertThat(serial.get("labels").get(0).stringValue()).isEqualTo("laptop-farm-device");
        assertThat(serial.get("name").stringValue()).isEqualTo("Device apple serial C02XL0GTJGH5");
        assertThat(OasisSchemas.load().errors("sdos/indicator.json", serial)).isEmpty();
    }

    private static String label(IndicatorBuilder builder) {
        return builder.createdByRef(MEMBER).marking(Tlp.AMBER).build().get("labels").get(0).stringValue();
    }

    @Test
    void buildWhenNoIdGivenThenRandomIndicatorIds() {
        assertThat(wallet().build().get("id").stringValue()).startsWith("indicator--")
                .isNotEqualTo(wallet().build().get("id").stringValue());
    }

    @Test
    void buildWhenRequiredMissingThenRefusedNamingThem() {
        assertThatThrownBy(() -> IndicatorBuilder.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("name").hasMessageContaining("pattern").hasMessageContaining("created_by_ref")
                .hasMessageContaining("object_marking_refs");
    }

    @Test
    void buildWhenValidUntilNotAfterValidFromThenRefused() {
        assertThatThrownBy(() -> wallet().validUntil(Instant.parse("2026-03-01T09:30:15.123Z")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("valid_until");
    }

    @Test
    void createdByRefWhenNotIdentityThenRefused() {
        assertThatThrownBy(() -> IndicatorBuilder.builder().createdByRef("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity");
    }
}

package org.trilateral.taxonomy.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceIdentifierTest {

    @Test
    void remoteAccessWhenShownWithSpacesThenDigitsOnly() {
        assertThat(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123 456 789").value()).isEqualTo("123456789");
        assertThat(DeviceIdentifier.remoteAccess(DeviceIdentifierType.TEAMVIEWER, "1 234 567 890").value()).isEqualTo("1234567890");
    }

    @Test
    void remoteAccessWhenNotNineOrTenDigitsThenRefused() {
        assertThatThrownBy(() -> DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "12345678"))
                .isInstanceOf(InvalidDeviceIdentifierException.class).hasMessageContaining("9 or 10 digits");
        assertThatThrownBy(() -> DeviceIdentifier.remoteAccess(DeviceIdentifierType.TEAMVIEWER, "12345678901")).hasMessageContaining("9 or 10 digits");
        assertThatThrownBy(() -> DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "kim@ad")).hasMessageContaining("numeric id");
    }

    @Test
    void remoteAccessWhenRustdeskCustomIdThenLowerCaseElseNumeric() {
        assertThat(DeviceIdentifier.remoteAccess(DeviceIdentifierType.RUSTDESK, "Farm_Box-01").value()).isEqualTo("farm_box-01");
        assertThat(DeviceIdentifier.remoteAccess(DeviceIdentifierType.RUSTDESK, "123 456 789").value()).isEqualTo("123456789");
        assertThatThrownBy(() -> DeviceIdentifier.remoteAccess(DeviceIdentifierType.RUSTDESK, "1box")).hasMessageContaining("starting with a letter");
    }

    @Test
    void serialWhenLabelledAndPunctuatedThenUpperAlnumWithManufacturerTag() {
        DeviceIdentifier device = DeviceIdentifier.serial(" Apple ", "S/N: c02xl0gt-jgh5");

        assertThat(device.manufacturer()).isEqualTo("apple");
        assertThat(device.value()).isEqualTo("C02XL0GTJGH5");
        assertThat(DeviceIdentifier.serial("Hewlett Packard", "5CD1234XYZ").manufacturer()).isEqualTo("hewlett-packard");
    }

    @Test
    void serialWhenSerialItselfStartsWithSnThenKept() {
        assertThat(DeviceIdentifier.serial("dell", "SN4X2Y9").value()).isEqualTo("SN4X2Y9");
    }

    @Test
    void serialWhenTooShortOrNonLatinThenRefused() {
        assertThatThrownBy(() -> DeviceIdentifier.serial("dell", "AB1")).hasMessageContaining("4 to 32");
        assertThatThrownBy(() -> DeviceIdentifier.serial("dell", "АВС1234")).hasMessageContaining("A-Z");
    }

    @Test
    void constructorWhenManufacturerOnRemoteIdOrMissingOnSerialThenRefused() {
        assertThatThrownBy(() -> new DeviceIdentifier(DeviceIdentifierType.ANYDESK, "apple", "123456789")).hasMessageContaining("only a serial");
        assertThatThrownBy(() -> new DeviceIdentifier(DeviceIdentifierType.SERIAL, null, "C02XL0GTJGH5")).hasMessageContaining("needs its manufacturer");
        assertThatThrownBy(() -> new DeviceIdentifier(DeviceIdentifierType.ANYDESK, null, "123 456 789")).hasMessageContaining("write '123456789'");
    }

    @Test
    void stixIdWhenSameIdentifierThenSameIdAndManufacturerCounts() {
        assertThat(DeviceIdentifier.serial("apple", "C02XL0GTJGH5").stixId()).isEqualTo(DeviceIdentifier.serial("APPLE", "c02xl0gtjgh5").stixId());
        assertThat(DeviceIdentifier.serial("apple", "C02XL0GTJGH5").stixId()).isNotEqualTo(DeviceIdentifier.serial("dell", "C02XL0GTJGH5").stixId());
        assertThat(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123456789").stixId())
                .isNotEqualTo(DeviceIdentifier.remoteAccess(DeviceIdentifierType.TEAMVIEWER, "123456789").stixId());
    }
}

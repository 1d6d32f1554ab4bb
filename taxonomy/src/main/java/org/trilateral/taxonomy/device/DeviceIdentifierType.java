package org.trilateral.taxonomy.device;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a device identifier is, the {@code id_type} of a {@code device-identifier} observable. Chrome Remote Desktop is
 * not here: a victim sees no stable id of the controlling device, only a one-time access code or the Google account
 * that controls it, which is a persona identifier (email).
 */
public enum DeviceIdentifierType {
    /** An AnyDesk id: 9 or 10 digits. */
    ANYDESK("anydesk"),
    /** A TeamViewer id: 9 or 10 digits. */
    TEAMVIEWER("teamviewer"),
    /** A RustDesk id: 9 or 10 digits, or a custom id of 6 to 16 letters, digits, '_' and '-' starting with a letter. */
    RUSTDESK("rustdesk"),
    /** A hardware serial number, always with its manufacturer. */
    SERIAL("serial");

    private final String value;

    DeviceIdentifierType(String value) {
        this.value = value;
    }

    /** The vocabulary value. */
    public String value() {
        return value;
    }

    /** True for the remote-access tools. */
    public boolean isRemoteAccessTool() {
        return this != SERIAL;
    }

    /** The type with this vocabulary value, if any. */
    public static Optional<DeviceIdentifierType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}

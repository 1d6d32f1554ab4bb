package org.trilateral.taxonomy.device;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.trilateral.taxonomy.stix.DeterministicId;
import org.trilateral.taxonomy.stix.StixId;

/**
 * An identifier of a device that operated or was a company's device at a laptop farm, in canonical form (see
 * docs/taxonomy.md, "device-identifier"). These are facts about infrastructure, published in the clear so that members
 * can block a remote-access id or recognise a serial in their asset register; they identify no natural person.
 *
 * @param type what the identifier is
 * @param manufacturer the manufacturer tag of a serial ({@code apple}, {@code dell}, {@code lenovo}...), null for a
 *     remote-access id
 * @param value the canonical identifier
 */
public record DeviceIdentifier(DeviceIdentifierType type, String manufacturer, String value) {

    /** The STIX type of the observable. */
    public static final String STIX_TYPE = "device-identifier";

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{9,10}");
    private static final Pattern RUSTDESK_CUSTOM = Pattern.compile("[a-z][a-z0-9_-]{5,15}");
    private static final Pattern MANUFACTURER = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9]{4,32}");
    /** A printed label before the serial, followed by a separator so that a serial starting with "SN" keeps it. */
    private static final Pattern SERIAL_LABEL = Pattern.compile("^(S/N|SN|SERIAL(\\s*(NO\\.?|NUMBER))?)(\\s*[:#.]\\s*|\\s+)");

    /** Refuses a value not in canonical form, and a manufacturer on anything but a serial (or none on a serial). */
    public DeviceIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if ((type == DeviceIdentifierType.SERIAL) != (manufacturer != null)) {
            throw new InvalidDeviceIdentifierException(type == DeviceIdentifierType.SERIAL
                    ? "a serial number needs its manufacturer" : "only a serial number has a manufacturer, not a " + type.value() + " id");
        }
        if (manufacturer != null && !MANUFACTURER.matcher(manufacturer).matches()) {
            throw new InvalidDeviceIdentifierException("manufacturer '" + manufacturer
                    + "' must be lower-case letters, digits and '-' (for example 'apple', 'dell', 'lenovo')");
        }
        String canonical = canonical(type, value);
        if (!canonical.equals(value)) {
            throw new InvalidDeviceIdentifierException(type.value() + " id '" + value + "' is not canonical; write '" + canonical + "'");
        }
    }

    /**
     * A remote-access tool id as the tool shows it ({@code 123 456 789}): spaces and hyphens removed; RustDesk custom
     * ids lower-cased.
     */
    public static DeviceIdentifier remoteAccess(DeviceIdentifierType tool, String id) {
        Objects.requireNonNull(tool, "tool");
        if (!tool.isRemoteAccessTool()) {
            throw new InvalidDeviceIdentifierException("a serial number is written with serial(manufacturer, serial)");
        }
        return new DeviceIdentifier(tool, null, canonical(tool, required(id, tool.value() + " id")));
    }

    /**
     * A hardware serial number: NFKC, upper case, a leading "S/N" or "Serial No." label and every separator removed.
     *
     * @param manufacturer the manufacturer's name, any case
     */
    public static DeviceIdentifier serial(String manufacturer, String serial) {
        String tag = nfkc(required(manufacturer, "manufacturer")).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return new DeviceIdentifier(DeviceIdentifierType.SERIAL, tag, canonical(DeviceIdentifierType.SERIAL, required(serial, "serial number")));
    }

    private static String canonical(DeviceIdentifierType type, String raw) {
        String text = nfkc(raw).strip();
        return switch (type) {
            case ANYDESK, TEAMVIEWER -> numericId(type, text);
            case RUSTDESK -> {
                String compact = text.replaceAll("[\\s]", "");
                if (NUMERIC_ID.matcher(compact.replace("-", "")).matches()) {
                    yield compact.replace("-", "");
                }
                String custom = compact.toLowerCase(Locale.ROOT);
                if (!RUSTDESK_CUSTOM.matcher(custom).matches()) {
                    throw new InvalidDeviceIdentifierException("rustdesk id '" + raw
                            + "' must be 9 or 10 digits, or a custom id of 6 to 16 letters, digits, '_' and '-' starting with a letter");
                }
                yield custom;
            }
            case SERIAL -> {
                String upper = SERIAL_LABEL.matcher(text.toUpperCase(Locale.ROOT)).replaceFirst("");
                String compact = upper.replaceAll("[^\\p{L}\\p{N}]", "");
                if (!SERIAL.matcher(compact).matches()) {
                    throw new InvalidDeviceIdentifierException("serial number '" + raw + "' must be 4 to 32 letters A-Z and digits once separators are removed");
                }
                yield compact;
            }
        };
    }

    private static String numericId(DeviceIdentifierType type, String text) {
        String compact = text.replaceAll("[\\s\\-]", "");
        if (!NUMERIC_ID.matcher(compact).matches()) {
            throw new InvalidDeviceIdentifierException(type.value() + " id '" + text + "' must be 9 or 10 digits"
                    + (compact.contains("@") ? " (aliases such as name@ad can be changed by their owner; use the numeric id)" : ""));
        }
        return compact;
    }

    /**
     * The deterministic id of the {@code device-identifier} observable (STIX 2.1 §2.9): UUIDv5 over the canonical JSON
     * of id_type, value and, for serials, manufacturer.
     */
    public StixId stixId() {
        Map<String, String> contributing = new LinkedHashMap<>();
        contributing.put("id_type", type.value());
        contributing.put("value", value);
        if (manufacturer != null) {
            contributing.put("manufacturer", manufacturer);
        }
        return DeterministicId.of(STIX_TYPE, contributing);
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidDeviceIdentifierException(what + " is missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return manufacturer == null ? type.value() + ":" + value : type.value() + ":" + manufacturer + ":" + value;
    }
}

package org.trilateral.taxonomy.indicator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a complete STIX 2.1 {@code indicator} (§4.7) with {@code pattern_type} {@code stix}. Defaults, each
 * replaceable: a random UUIDv4 id, {@code created} = {@code modified} = {@code valid_from} = now (millisecond
 * precision), {@code indicator_types} {@code ["malicious-activity"]}. Required: name, pattern, created_by_ref and
 * at least one marking. The indicator kind, when given, is written as a label. Not thread-safe; one per indicator.
 */
public final class IndicatorBuilder {

    private String id;
    private String name;
    private String description;
    private String pattern;
    private final Set<String> indicatorTypes = new LinkedHashSet<>();
    private final Set<String> labels = new LinkedHashSet<>();
    private final Set<String> markingRefs = new LinkedHashSet<>();
    private String createdByRef;
    private Instant created;
    private Instant validFrom;
    private Instant validUntil;
    private Clock clock = Clock.systemUTC();

    private IndicatorBuilder() {
    }

    /** An empty builder. */
    public static IndicatorBuilder builder() {
        return new IndicatorBuilder();
    }

    /** A builder for a payroll wallet: pattern, kind {@code payroll-wallet} and a name naming the wallet. */
    public static IndicatorBuilder wallet(WalletAddress address) {
        return builder().pattern(StixPatterns.wallet(address)).kind(IndicatorKind.PAYROLL_WALLET)
                .name("Payroll wallet " + address.address() + " on " + address.chain().caip2());
    }

    /**
     * A builder for a persona identifier: pattern, a name naming kind and scheme, and kind {@code payroll-account} for a
     * bank or payment account, {@code shipping-address} for a postal address, {@code persona-identifier} otherwise.
     */
    public static IndicatorBuilder personaIdentifier(PersonaDigest digest) {
        IndicatorKind kind = switch (digest.kind()) {
            case BANK_ACCOUNT, PAYMENT_ACCOUNT -> IndicatorKind.PAYROLL_ACCOUNT;
            case POSTAL_ADDRESS -> IndicatorKind.SHIPPING_ADDRESS;
            default -> IndicatorKind.PERSONA_IDENTIFIER;
        };
        return builder().pattern(StixPatterns.personaIdentifier(digest)).kind(kind)
                .name("Persona identifier (" + digest.kind().value() + (digest.platform() == null ? "" : " on " + digest.platform())
                        + ", " + digest.scheme() + ")");
    }

    /**
     * A builder for a device identifier: pattern, kind {@code remote-access-tool} for a remote-access id or
     * {@code laptop-farm-device} for a serial, and a name naming it.
     */
    public static IndicatorBuilder deviceIdentifier(DeviceIdentifier device) {
        boolean remote = device.type().isRemoteAccessTool();
        return builder().pattern(StixPatterns.deviceIdentifier(device))
                .kind(remote ? IndicatorKind.REMOTE_ACCESS_TOOL : IndicatorKind.LAPTOP_FARM_DEVICE)
                .name(remote ? "Remote-access id " + device.value() + " (" + device.type().value() + ")"
                        : "Device " + device.manufacturer() + " serial " + device.value());
    }

    /** A builder for a facilitator address or network, e.g. kind {@code laptop-farm-network} or {@code vpn-exit}. */
    public static IndicatorBuilder network(IpNetwork network, IndicatorKind kind) {
        return builder().pattern(StixPatterns.network(network)).kind(kind)
                .name("Facilitator " + kind.value() + " " + network.value());
    }

    /** The indicator id; must be {@code indicator--<uuid>}. Default: a random one. */
    public IndicatorBuilder id(String id) {
        StixId parsed = StixId.parse(id);
        if (!parsed.type().equals("indicator")) {
            throw new IllegalArgumentException("indicator id must have type indicator, got " + parsed.type());
        }
        this.id = id;
        return this;
    }

    /** The indicator's display name (required). */
    public IndicatorBuilder name(String name) {
        this.name = requireText(name, "name");
        return this;
    }

    /** A free-text description, e.g. where and how the indicator was seen. */
    public IndicatorBuilder description(String description) {
        this.description = requireText(description, "description");
        return this;
    }

    /** The STIX pattern; build it with {@link StixPatterns}. */
    public IndicatorBuilder pattern(String pattern) {
        this.pattern = requireText(pattern, "pattern");
        return this;
    }

    /** Values of the STIX indicator-type-ov vocabulary (§10.11); replaces the default. */
    public IndicatorBuilder indicatorTypes(String... types) {
        indicatorTypes.clear();
        for (String type : types) {
            indicatorTypes.add(requireText(type, "indicator type"));
        }
        return this;
    }

    /** Writes the exchange indicator kind as a label. */
    public IndicatorBuilder kind(IndicatorKind kind) {
        labels.add(Objects.requireNonNull(kind, "kind").value());
        return this;
    }

    /** An additional label. */
    public IndicatorBuilder label(String label) {
        labels.add(requireText(label, "label"));
        return this;
    }

    /** The identity that creates the indicator (the publishing member). */
    public IndicatorBuilder createdByRef(String identityId) {
        StixId parsed = StixId.parse(identityId);
        if (!parsed.type().equals("identity")) {
            throw new IllegalArgumentException("created_by_ref must refer to an identity, got " + parsed.type());
        }
        this.createdByRef = identityId;
        return this;
    }

    /** Adds a TLP 2.0 marking to {@code object_marking_refs}; at least one marking is required. */
    public IndicatorBuilder marking(Tlp tlp) {
        markingRefs.add(tlp.id());
        return this;
    }

    /** Any marking-definition id (e.g. a statement marking) in addition to TLP. */
    public IndicatorBuilder markingRef(String markingDefinitionId) {
        StixId parsed = StixId.parse(markingDefinitionId);
        if (!parsed.type().equals("marking-definition")) {
            throw new IllegalArgumentException("object_marking_refs must refer to marking definitions, got " + parsed.type());
        }
        markingRefs.add(markingDefinitionId);
        return this;
    }

    /** {@code created} and {@code modified}; default: the clock's now. Written with millisecond precision. */
    public IndicatorBuilder created(Instant created) {
        this.created = Objects.requireNonNull(created, "created");
        return this;
    }

    /** {@code valid_from}; default: {@code created}. */
    public IndicatorBuilder validFrom(Instant validFrom) {
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        return this;
    }

    /** {@code valid_until}; must be after {@code valid_from}. Default: none. */
    public IndicatorBuilder validUntil(Instant validUntil) {
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        return this;
    }

    /** The clock for the default timestamps. */
    public IndicatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The indicator; property order is fixed.
     *
     * @throws IllegalStateException naming the missing or inconsistent property
     */
    public ObjectNode build() {
        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add("name");
        }
        if (pattern == null) {
            missing.add("pattern");
        }
        if (createdByRef == null) {
            missing.add("created_by_ref");
        }
        if (markingRefs.isEmpty()) {
            missing.add("object_marking_refs (a TLP marking)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("indicator is missing " + String.join(", ", missing));
        }
        Instant createdAt = created != null ? created : clock.instant();
        Instant from = validFrom != null ? validFrom : createdAt;
        // STIX 2.1 §4.7: valid_until, when present, must be later than valid_from.
        if (validUntil != null && !validUntil.isAfter(from)) {
            throw new IllegalStateException("valid_until " + StixTimestamp.formatMillis(validUntil) + " is not after valid_from "
                    + StixTimestamp.formatMillis(from));
        }
        ObjectNode indicator = StixJson.mapper().createObjectNode()
                .put("type", "indicator")
                .put("spec_version", "2.1")
                .put("id", id != null ? id : "indicator--" + UUID.randomUUID())
                .put("created_by_ref", createdByRef)
                .put("created", StixTimestamp.formatMillis(createdAt))
                .put("modified", StixTimestamp.formatMillis(createdAt))
                .put("name", name);
        if (description != null) {
            indicator.put("description", description);
        }
        ArrayNode types = indicator.putArray("indicator_types");
        (indicatorTypes.isEmpty() ? Set.of("malicious-activity") : indicatorTypes).forEach(types::add);
        indicator.put("pattern", pattern)
                .put("pattern_type", "stix")
                .put("pattern_version", "2.1")
                .put("valid_from", StixTimestamp.formatMillis(from));
        if (validUntil != null) {
            indicator.put("valid_until", StixTimestamp.formatMillis(validUntil));
        }
        if (!labels.isEmpty()) {
            ArrayNode labelArray = indicator.putArray("labels");
            labels.forEach(labelArray::add);
        }
        ArrayNode marks = indicator.putArray("object_marking_refs");
        markingRefs.forEach(marks::add);
        return indicator;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}

package org.trilateral.taxonomy.extension;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.device.InvalidDeviceIdentifierException;
import org.trilateral.taxonomy.persona.InvalidPersonaIdentifierException;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaHashSchemes;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.PersonaScheme;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixViolation;
import org.trilateral.taxonomy.vocabulary.FacilitatorKind;
import org.trilateral.taxonomy.wallet.Chain;
import org.trilateral.taxonomy.wallet.InvalidWalletAddressException;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the parts of an object that the exchange's extensions define, on top of generic STIX validation: the
 * server calls it on ingest for every object. Objects that neither have an exchange type nor use an exchange
 * extension yield no violations. Thread-safe.
 */
public final class ExchangeExtensionValidator {

    /** Unpadded base64url ({@code [A-Za-z0-9_-]+}), checked without a regular expression. */
    private static boolean isBase64Url(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?");

    /** Properties a device-identifier may carry (STIX 2.1 §6.1 common SCO properties plus its own). */
    private static final Set<String> DEVICE_PROPERTIES = Set.of(
            "type", "spec_version", "id", "id_type", "value", "manufacturer",
            "object_marking_refs", "granular_markings", "defanged", "extensions");

    /** Properties a persona-identifier may carry (STIX 2.1 §6.1 common SCO properties plus its own): no raw values. */
    private static final Set<String> PERSONA_PROPERTIES = Set.of(
            "type", "spec_version", "id", "kind", "scheme", "digest", "platform",
            "object_marking_refs", "granular_markings", "defanged", "extensions");

    private static final Map<String, Set<String>> FACILITATOR_REF_TYPES = Map.of(
            "network_refs", Set.of("ipv4-addr", "ipv6-addr"),
            "autonomous_system_refs", Set.of("autonomous-system"),
            "location_refs", Set.of("location"),
            "organization_refs", Set.of("identity"));

    /** Every violation of the exchange's extension rules, empty when there is none. */
    public List<StixViolation> validate(JsonNode object) {
        List<StixViolation> violations = new ArrayList<>();
        if (object == null || !object.isObject()) {
            violations.add(new StixViolation("", "a STIX object must be a JSON object"));
            return violations;
        }
        String type = object.path("type").asString("");
        JsonNode extensions = object.path("extensions");
        if (WalletAddress.STIX_TYPE.equals(type)) {
            checkNewSco(object, ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID, violations);
            checkWallet(object, violations);
        } else if (PersonaDigest.STIX_TYPE.equals(type)) {
            checkNewSco(object, ExchangeExtensions.PERSONA_IDENTIFIER_ID, violations);
            checkPersona(object, violations);
        } else if (DeviceIdentifier.STIX_TYPE.equals(type)) {
            checkNewSco(object, ExchangeExtensions.DEVICE_IDENTIFIER_ID, violations);
            checkDevice(object, violations);
        } else {
            for (String id : List.of(ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID, ExchangeExtensions.PERSONA_IDENTIFIER_ID,
                    ExchangeExtensions.DEVICE_IDENTIFIER_ID)) {
                if (extensions.has(id)) {
                    violations.add(new StixViolation(path(id), "this extension defines a new SCO type and cannot be used on a " + type));
                }
            }
        }
        if (extensions.has(ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID)) {
            checkFacilitator(type, extensions.get(ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID), violations);
        }
        if (extensions.has(ExchangeExtensions.OBJECT_SIGNATURE_ID)) {
            checkSignatures(extensions.get(ExchangeExtensions.OBJECT_SIGNATURE_ID), violations);
        }
        return violations;
    }

    private static void checkNewSco(JsonNode object, String extensionId, List<StixViolation> violations) {
        if (!"2.1".equals(object.path("spec_version").asString(""))) {
            violations.add(new StixViolation("spec_version", "must be \"2.1\""));
        }
        JsonNode entry = object.path("extensions").path(extensionId);
        if (!entry.isObject()) {
            violations.add(new StixViolation("extensions", "must contain " + extensionId + " with extension_type \"new-sco\" (STIX 2.1 §7.3)"));
        } else if (!"new-sco".equals(entry.path("extension_type").asString(""))) {
            violations.add(new StixViolation(path(extensionId) + ".extension_type", "must be \"new-sco\""));
        }
    }

    private static void checkWallet(JsonNode object, List<StixViolation> violations) {
        String chainText = text(object, "chain", violations);
        String address = text(object, "address", violations);
        if (chainText == null) {
            return;
        }
        Chain chain;
        try {
            chain = Chain.of(chainText);
        } catch (InvalidWalletAddressException e) {
            violations.add(new StixViolation("chain", e.getMessage()));
            return;
        }
        if (!chain.caip2().equals(chainText)) {
            violations.add(new StixViolation("chain", "must be the CAIP-2 id '" + chain.caip2() + "', not the alias '" + chainText + "'"));
            return;
        }
        WalletAddress wallet = canonicalAddress(chain, address, "address", violations);
        if (object.has("token_contract")) {
            canonicalAddress(chain, text(object, "token_contract", violations), "token_contract", violations);
        }
        if (wallet != null) {
            checkId(object, wallet.stixId(), violations);
        }
    }

    private static WalletAddress canonicalAddress(Chain chain, String address, String property, List<StixViolation> violations) {
        if (address == null) {
            return null;
        }
        try {
            WalletAddress canonical = WalletAddress.parse(chain, address);
            if (!canonical.address().equals(address)) {
                violations.add(new StixViolation(property, "'" + address + "' is not in canonical form for " + chain.caip2()
                        + "; write '" + canonical.address() + "'"));
                return null;
            }
            return canonical;
        } catch (InvalidWalletAddressException e) {
            violations.add(new StixViolation(property, e.getMessage() + " (" + e.reason() + ")"));
            return null;
        }
    }

    private static void checkPersona(JsonNode object, List<StixViolation> violations) {
        for (String name : object.propertyNames()) {
            if (!PERSONA_PROPERTIES.contains(name)) {
                violations.add(new StixViolation(name, "is not a persona-identifier property; a persona identifier carries only kind, scheme, digest and platform, never the raw value"));
            }
        }
        String kindText = text(object, "kind", violations);
        String scheme = text(object, "scheme", violations);
        String digest = text(object, "digest", violations);
        PersonaKind kind = kindText == null ? null : PersonaKind.fromValue(kindText).orElse(null);
        if (kindText != null && kind == null) {
            violations.add(new StixViolation("kind", "unknown persona kind '" + kindText + "'"));
        }
        PersonaScheme known = scheme == null ? null : PersonaHashSchemes.byName(scheme).orElse(null);
        if (scheme != null && known == null) {
            violations.add(new StixViolation("scheme", "unknown hash scheme '" + scheme + "', known: " + PersonaHashSchemes.names()));
        }
        if (known != null && digest != null && !known.digestForm().matcher(digest).matches()) {
            violations.add(new StixViolation("digest", "must be " + known.digestFormDescription() + " for scheme " + scheme));
        }
        String platform = object.has("platform") ? text(object, "platform", violations) : null;
        if (kind == PersonaKind.USERNAME && !object.has("platform")) {
            violations.add(new StixViolation("platform", "is required for kind username"));
        } else if (kind != null && kind != PersonaKind.USERNAME && object.has("platform")) {
            violations.add(new StixViolation("platform", "is only allowed for kind username"));
        } else if (platform != null && !PLATFORM.matcher(platform).matches()) {
            violations.add(new StixViolation("platform", "must be lower-case letters, digits, '.' and '-'"));
        }
        if (kind != null && known != null && digest != null) {
            try {
                checkId(object, new PersonaDigest(kind, platform, scheme, digest).stixId(), violations);
            } catch (InvalidPersonaIdentifierException e) {
                // Already reported property by property above.
            }
        }
    }

    private static void checkDevice(JsonNode object, List<StixViolation> violations) {
        for (String name : object.propertyNames()) {
            if (!DEVICE_PROPERTIES.contains(name)) {
                violations.add(new StixViolation(name, "is not a device-identifier property"));
            }
        }
        String typeText = text(object, "id_type", violations);
        String value = text(object, "value", violations);
        String manufacturer = object.has("manufacturer") ? text(object, "manufacturer", violations) : null;
        DeviceIdentifierType type = typeText == null ? null : DeviceIdentifierType.fromValue(typeText).orElse(null);
        if (typeText != null && type == null) {
            violations.add(new StixViolation("id_type", "unknown device identifier type '" + typeText + "'"));
        }
        if (type == DeviceIdentifierType.SERIAL && !object.has("manufacturer")) {
            violations.add(new StixViolation("manufacturer", "is required for id_type serial"));
            return;
        }
        if (type != null && type != DeviceIdentifierType.SERIAL && object.has("manufacturer")) {
            violations.add(new StixViolation("manufacturer", "is only allowed for id_type serial"));
            return;
        }
        if (type == null || value == null) {
            return;
        }
        try {
            checkId(object, new DeviceIdentifier(type, manufacturer, value).stixId(), violations);
        } catch (InvalidDeviceIdentifierException e) {
            violations.add(new StixViolation(e.getMessage().startsWith("manufacturer") ? "manufacturer" : "value", e.getMessage()));
        }
    }

    private static void checkId(JsonNode object, StixId expected, List<StixViolation> violations) {
        String id = object.path("id").asString("");
        if (!expected.toString().equals(id)) {
            violations.add(new StixViolation("id", "must be the deterministic id " + expected + " (STIX 2.1 §2.9), not '" + id + "'"));
        }
    }

    private static void checkFacilitator(String type, JsonNode entry, List<StixViolation> violations) {
        String base = path(ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID);
        if (!"infrastructure".equals(type)) {
            violations.add(new StixViolation(base, "applies to infrastructure objects only, not " + type));
        }
        if (!entry.isObject()) {
            violations.add(new StixViolation(base, "must be an object"));
            return;
        }
        if (!"property-extension".equals(entry.path("extension_type").asString(""))) {
            violations.add(new StixViolation(base + ".extension_type", "must be \"property-extension\""));
        }
        String kind = entry.path("facilitator_kind").asString(null);
        if (kind == null) {
            violations.add(new StixViolation(base + ".facilitator_kind", "is required"));
        } else if (FacilitatorKind.fromValue(kind).isEmpty()) {
            violations.add(new StixViolation(base + ".facilitator_kind", "unknown facilitator kind '" + kind + "'"));
        }
        for (String name : entry.propertyNames()) {
            if (name.equals("extension_type") || name.equals("facilitator_kind")) {
                continue;
            }
            Set<String> allowed = FACILITATOR_REF_TYPES.get(name);
            if (allowed == null) {
                violations.add(new StixViolation(base + "." + name, "is not a property of this extension"));
                continue;
            }
            JsonNode refs = entry.get(name);
            if (!refs.isArray() || refs.isEmpty()) {
                violations.add(new StixViolation(base + "." + name, "must be a non-empty list of identifiers"));
                continue;
            }
            for (int i = 0; i < refs.size(); i++) {
                String ref = refs.get(i).asString("");
                String at = base + "." + name + "[" + i + "]";
                try {
                    String refType = StixId.parse(ref).type();
                    if (!allowed.contains(refType)) {
                        violations.add(new StixViolation(at, "must refer to " + allowed + ", not " + refType));
                    }
                } catch (IllegalArgumentException e) {
                    violations.add(new StixViolation(at, e.getMessage()));
                }
            }
        }
    }

    private static void checkSignatures(JsonNode entry, List<StixViolation> violations) {
        String base = path(ExchangeExtensions.OBJECT_SIGNATURE_ID);
        if (!entry.isObject()) {
            violations.add(new StixViolation(base, "must be an object"));
            return;
        }
        if (!"property-extension".equals(entry.path("extension_type").asString(""))) {
            violations.add(new StixViolation(base + ".extension_type", "must be \"property-extension\""));
        }
        for (String name : entry.propertyNames()) {
            if (!name.equals("extension_type") && !name.equals("signatures")) {
                violations.add(new StixViolation(base + "." + name, "is not a property of this extension"));
            }
        }
        JsonNode signatures = entry.path("signatures");
        if (!signatures.isArray() || signatures.isEmpty()) {
            violations.add(new StixViolation(base + ".signatures", "must be a non-empty list of JWS signatures"));
            return;
        }
        for (int i = 0; i < signatures.size(); i++) {
            checkSignature(signatures.get(i), base + ".signatures[" + i + "]", violations);
        }
    }

    /** RFC 7515 §7.2.1 general serialisation entry; RFC 7797 §6: b64 false must be listed in crit. */
    private static void checkSignature(JsonNode signature, String at, List<StixViolation> violations) {
        if (!signature.isObject()) {
            violations.add(new StixViolation(at, "must be an object with protected and signature"));
            return;
        }
        for (String name : signature.propertyNames()) {
            if (!Set.of("protected", "header", "signature").contains(name)) {
                violations.add(new StixViolation(at + "." + name, "is not a JWS signature member (RFC 7515 §7.2.1)"));
            }
        }
        if (signature.has("header") && !signature.get("header").isObject()) {
            violations.add(new StixViolation(at + ".header", "must be a JSON object"));
        }
        String sig = signature.path("signature").asString(null);
        if (sig == null || !isBase64Url(sig)) {
            violations.add(new StixViolation(at + ".signature", "must be unpadded base64url"));
        }
        String protectedHeader = signature.path("protected").asString(null);
        if (protectedHeader == null || !isBase64Url(protectedHeader)) {
            violations.add(new StixViolation(at + ".protected", "must be unpadded base64url"));
            return;
        }
        JsonNode header;
        try {
            header = StixJson.mapper().readTree(Base64.getUrlDecoder().decode(protectedHeader));
        } catch (IllegalArgumentException | JacksonException e) {
            violations.add(new StixViolation(at + ".protected", "does not decode to a JSON object"));
            return;
        }
        if (!header.isObject()) {
            violations.add(new StixViolation(at + ".protected", "does not decode to a JSON object"));
            return;
        }
        if (!header.path("alg").isString() || header.path("alg").asString().isEmpty() || "none".equals(header.path("alg").asString())) {
            violations.add(new StixViolation(at + ".protected", "header must name a signature algorithm in alg (not none)"));
        }
        if (!header.path("b64").isBoolean() || header.path("b64").booleanValue()) {
            violations.add(new StixViolation(at + ".protected", "header must have \"b64\": false (RFC 7797 unencoded payload)"));
        }
        boolean critB64 = false;
        for (JsonNode c : header.path("crit")) {
            critB64 |= "b64".equals(c.asString(""));
        }
        if (!critB64) {
            violations.add(new StixViolation(at + ".protected", "header must list \"b64\" in crit (RFC 7797 §6)"));
        }
    }

    private static String text(JsonNode object, String property, List<StixViolation> violations) {
        JsonNode value = object.get(property);
        if (value == null) {
            violations.add(new StixViolation(property, "is required"));
            return null;
        }
        if (!value.isString()) {
            violations.add(new StixViolation(property, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    private static String path(String extensionId) {
        return "extensions." + extensionId;
    }
}

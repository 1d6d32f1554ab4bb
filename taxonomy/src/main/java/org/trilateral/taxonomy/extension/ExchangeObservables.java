package org.trilateral.taxonomy.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.FacilitatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the STIX objects that use the exchange's extensions, in the exact form the validator accepts. */
public final class ExchangeObservables {

    /** Which facilitator-infrastructure property holds a reference of each STIX type. */
    private static final Map<String, String> REF_PROPERTY_BY_TYPE = Map.of(
            "ipv4-addr", "network_refs",
            "ipv6-addr", "network_refs",
            "autonomous-system", "autonomous_system_refs",
            "location", "location_refs",
            "identity", "organization_refs");

    private ExchangeObservables() {
    }

    /** A {@code cryptocurrency-wallet} observable with its deterministic id. */
    public static ObjectNode wallet(WalletAddress address) {
        return wallet(address, null);
    }

    /**
     * A {@code cryptocurrency-wallet} observable with the token contract the payments used (e.g. USDT on TRON).
     *
     * @param tokenContract the token contract on the same chain, or null
     */
    public static ObjectNode wallet(WalletAddress address, WalletAddress tokenContract) {
        if (tokenContract != null && !tokenContract.chain().equals(address.chain())) {
            throw new IllegalArgumentException("token contract is on " + tokenContract.chain() + ", the wallet on " + address.chain());
        }
        ObjectNode wallet = StixJson.mapper().createObjectNode()
                .put("type", WalletAddress.STIX_TYPE)
                .put("spec_version", "2.1")
                .put("id", address.stixId().toString())
                .put("chain", address.chain().caip2())
                .put("address", address.address());
        if (tokenContract != null) {
            wallet.put("token_contract", tokenContract.address());
        }
        wallet.putObject("extensions").putObject(ExchangeExtensions.CRYPTOCURRENCY_WALLET_ID).put("extension_type", "new-sco");
        return wallet;
    }

    /** A {@code persona-identifier} observable with its deterministic id. */
    public static ObjectNode personaIdentifier(PersonaDigest digest) {
        ObjectNode persona = StixJson.mapper().createObjectNode()
                .put("type", PersonaDigest.STIX_TYPE)
                .put("spec_version", "2.1")
                .put("id", digest.stixId().toString())
                .put("kind", digest.kind().value())
                .put("scheme", digest.scheme())
                .put("digest", digest.digest());
        if (digest.platform() != null) {
            persona.put("platform", digest.platform());
        }
        persona.putObject("extensions").putObject(ExchangeExtensions.PERSONA_IDENTIFIER_ID).put("extension_type", "new-sco");
        return persona;
    }

    /** A {@code device-identifier} observable with its deterministic id. */
    public static ObjectNode deviceIdentifier(DeviceIdentifier device) {
        ObjectNode node = StixJson.mapper().createObjectNode()
                .put("type", DeviceIdentifier.STIX_TYPE)
                .put("spec_version", "2.1")
                .put("id", device.stixId().toString())
                .put("id_type", device.type().value())
                .put("value", device.value());
        if (device.manufacturer() != null) {
            node.put("manufacturer", device.manufacturer());
        }
        node.putObject("extensions").putObject(ExchangeExtensions.DEVICE_IDENTIFIER_ID).put("extension_type", "new-sco");
        return node;
    }

    /**
     * Adds the facilitator-infrastructure extension to an {@code infrastructure} object.
     *
     * @param related ids of the ipv4-addr/ipv6-addr, autonomous-system, location and identity (organisation)
     *     objects the infrastructure consists of or belongs to; each goes to the property of its type
     * @return the same object, for chaining
     */
    public static ObjectNode addFacilitatorExtension(ObjectNode infrastructure, FacilitatorKind kind, Collection<String> related) {
        if (!"infrastructure".equals(infrastructure.path("type").asString())) {
            throw new IllegalArgumentException("the facilitator-infrastructure extension applies to infrastructure objects, not "
                    + infrastructure.path("type").asString());
        }
        ObjectNode entry = infrastructure.withObjectProperty("extensions").putObject(ExchangeExtensions.FACILITATOR_INFRASTRUCTURE_ID)
                .put("extension_type", "property-extension")
                .put("facilitator_kind", kind.value());
        List<String> sorted = new ArrayList<>(related);
        sorted.sort(null);
        for (String ref : sorted) {
            String type = StixId.parse(ref).type();
            String property = REF_PROPERTY_BY_TYPE.get(type);
            if (property == null) {
                throw new IllegalArgumentException("facilitator infrastructure cannot refer to a " + type + " (" + ref
                        + "); allowed: " + REF_PROPERTY_BY_TYPE.keySet());
            }
            ArrayNode refs = entry.has(property) ? (ArrayNode) entry.get(property) : entry.putArray(property);
            refs.add(ref);
        }
        return infrastructure;
    }
}

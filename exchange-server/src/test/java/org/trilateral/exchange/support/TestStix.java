package org.trilateral.exchange.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.trilateral.exchange.access.AudiencePolicy;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** STIX objects and envelopes for tests: each returns a fresh node that a test may change one field of. */
public final class TestStix {

    public static final String CREATED = "2026-01-01T00:00:00.000Z";

    /** The identity of the default test member ({@link ExchangeIntegrationTest#MEMBER}), which publishes the fixtures. */
    public static final String MEMBER_IDENTITY = "identity--eee94265-bc84-423b-909d-205e384a6eb4";

    /**
     * The default test member's Ed25519 signing key, the same in every JVM (its seed is derived from a fixed text), so
     * that applications started by hand with {@link ExchangeIntegrationTest#testIssuerSettings()} know its public key.
     */
    public static final SigningKey MEMBER_KEY = SigningKey.ed25519(sha256("trilateral exchange test member key"));

    private TestStix() {
    }

    /** Signs {@code object} in place with the default test member's key, and answers it. */
    public static ObjectNode sign(ObjectNode object) {
        return sign(object, MEMBER_KEY);
    }

    /** Signs {@code object} in place with {@code key} (a signature added to those already there), and answers it. */
    public static ObjectNode sign(ObjectNode object, SigningKey key) {
        return new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(object);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid STIX 2.1 indicator for an IPv4 address, with a random id, created by the default test member. */
    public static ObjectNode indicator() {
        return indicator("indicator--" + UUID.randomUUID(), CREATED);
    }

    public static ObjectNode indicator(String id, String modified) {
        ObjectNode node = StixJson.mapper().createObjectNode();
        node.put("type", "indicator");
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created_by_ref", MEMBER_IDENTITY);
        node.put("created", CREATED);
        node.put("modified", modified);
        node.put("name", "Laptop farm exit address");
        node.putArray("indicator_types").add("malicious-activity");
        node.put("pattern", "[ipv4-addr:value = '203.0.113.7']");
        node.put("pattern_type", "stix");
        node.put("valid_from", CREATED);
        return node;
    }

    /** {@code object} as published by the member whose identity is {@code publisherIdentity}, marked {@code tlp}. */
    public static ObjectNode markedBy(ObjectNode object, String publisherIdentity, Tlp tlp) {
        object.put("created_by_ref", publisherIdentity);
        object.putArray("object_marking_refs").add(tlp.id());
        return object;
    }

    /** A fresh TLP:RED indicator by {@code publisherIdentity} whose distribution names {@code recipientIdentity} only. */
    public static ObjectNode redFor(String publisherIdentity, String recipientIdentity) {
        ObjectNode red = markedBy(indicator(), publisherIdentity, Tlp.RED);
        ObjectNode extension = red.putObject("extensions").putObject(AudiencePolicy.DISTRIBUTION_EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.putArray("recipients").add(recipientIdentity);
        return red;
    }

    /** A valid STIX 2.1 IPv4 address observable (an SCO: no created, no modified). */
    public static ObjectNode ipv4(String value) {
        ObjectNode node = StixJson.mapper().createObjectNode();
        node.put("type", "ipv4-addr");
        node.put("spec_version", "2.1");
        node.put("id", "ipv4-addr--" + UUID.nameUUIDFromBytes(value.getBytes()));
        node.put("value", value);
        return node;
    }

    public static String envelope(List<? extends JsonNode> objects) {
        ObjectNode envelope = StixJson.mapper().createObjectNode();
        envelope.putArray("objects").addAll(objects);
        return StixJson.mapper().writeValueAsString(envelope);
    }

    public static String envelope(JsonNode... objects) {
        return envelope(List.of(objects));
    }

    public static JsonNode parse(String json) {
        return StixJson.mapper().readTree(json);
    }
}

package org.trilateral.client.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.trilateral.client.NetworkException;
import org.trilateral.client.ObjectResult;
import org.trilateral.client.PublishResult;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs objects, sends them in envelopes within the server's limits (TAXII 2.1 §5.5), waits for each status
 * resource (§4.3) and gathers per-object results. Thread-safe.
 */
public final class Publisher {

    /** TAXII 2.1 §1.6.8. */
    public static final String TAXII = "application/taxii+json;version=2.1";
    private static final byte[] ENVELOPE_START = "{\"objects\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENVELOPE_END = "]}".getBytes(StandardCharsets.US_ASCII);

    private final Transport transport;
    private final URI apiRoot;
    private final ObjectSigner signer;
    private final int maxObjectsPerEnvelope;
    private final LongSupplier maxContentLength;
    private final Duration statusInterval;
    private final Duration statusTimeout;

    /**
     * @param key the member's signing key, or null to send the objects as given
     * @param maxContentLength the API root's {@code max_content_length}, asked when first needed
     */
    public Publisher(Transport transport, URI apiRoot, SigningKey key, int maxObjectsPerEnvelope,
                     LongSupplier maxContentLength, Duration statusInterval, Duration statusTimeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
        this.signer = key == null ? null : new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key);
        this.maxObjectsPerEnvelope = maxObjectsPerEnvelope;
        this.maxContentLength = maxContentLength;
        this.statusInterval = statusInterval;
        this.statusTimeout = statusTimeout;
    }

    /** Publishes {@code objects} (copied, then signed) to {@code collection}; results in the given order. */
    public PublishResult publish(String collection, List<? extends JsonNode> objects) {
        URI objectsUri = apiRoot.resolve("collections/" + collection + "/objects/");
        List<byte[]> encoded = new ArrayList<>(objects.size());
        for (JsonNode object : objects) {
            if (!(object instanceof ObjectNode node)) {
                throw new IllegalArgumentException("every object to publish must be a JSON object");
            }
            ObjectNode copy = node.deepCopy();
            if (signer != null) {
                signer.sign(copy);
            }
            encoded.add(StixJson.mapper().writeValueAsBytes(copy));
        }
        long limit = maxContentLength.getAsLong();
        List<ObjectResult> results = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        long batchBytes = ENVELOPE_START.length + ENVELOPE_END.length;
        for (int i = 0; i < encoded.size(); i++) {
            long size = encoded.get(i).length + 1;
            if (ENVELOPE_START.length + ENVELOPE_END.length + size > limit) {
                flush(objectsUri, objects, encoded, batch, results);
                batch.clear();
                batchBytes = ENVELOPE_START.length + ENVELOPE_END.length;
                results.add(new ObjectResult(idOf(objects.get(i), i), versionOf(objects.get(i)), ObjectResult.Outcome.REFUSED,
                        "the signed object is " + encoded.get(i).length + " bytes, more than the server's max_content_length "
                                + limit, OptionalLong.empty()));
                continue;
            }
            if (!batch.isEmpty() && (batch.size() >= maxObjectsPerEnvelope || batchBytes + size > limit)) {
                flush(objectsUri, objects, encoded, batch, results);
                batch.clear();
                batchBytes = ENVELOPE_START.length + ENVELOPE_END.length;
            }
            batch.add(i);
            batchBytes += size;
        }
        flush(objectsUri, objects, encoded, batch, results);
        return new PublishResult(results);
    }

    private void flush(URI objectsUri, List<? extends JsonNode> objects, List<byte[]> encoded, List<Integer> batch,
                       List<ObjectResult> results) {
        if (batch.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ENVELOPE_START);
        for (int k = 0; k < batch.size(); k++) {
            if (k > 0) {
                body.write(',');
            }
            body.writeBytes(encoded.get(batch.get(k)));
        }
        body.writeBytes(ENVELOPE_END);
        JsonNode status = transport.send(HttpCall.post(objectsUri, TAXII, TAXII, body.toByteArray())).json();
        status = awaitCompletion(status);
        Map<String, ObjectResult> byKey = new HashMap<>();
        read(status, "successes", ObjectResult.Outcome.ACCEPTED, byKey);
        read(status, "failures", ObjectResult.Outcome.REFUSED, byKey);
        read(status, "pendings", ObjectResult.Outcome.PENDING, byKey);
        for (int k = 0; k < batch.size(); k++) {
            JsonNode object = objects.get(batch.get(k));
            String id = idOf(object, k);
            String version = versionOf(object);
            ObjectResult result = byKey.get(id + "|" + version);
            if (result == null) {
                result = byKey.get(id + "|");
            }
            if (result == null) {
                result = byKey.get("objects[" + k + "]|");
            }
            results.add(result != null ? result : new ObjectResult(id, version, ObjectResult.Outcome.PENDING,
                    "the status resource does not mention this object", OptionalLong.empty()));
        }
    }

    /** TAXII 2.1 §4.3: a status is "pending" until every object is decided; ask again until complete. */
    private JsonNode awaitCompletion(JsonNode status) {
        Instant deadline = transport.clock().instant().plus(statusTimeout);
        while (status.path("status").asString("").equals("pending") && transport.clock().instant().isBefore(deadline)) {
            try {
                transport.sleeper().sleep(statusInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException("interrupted while waiting for status " + status.path("id").asString(""), e);
            }
            String id = status.path("id").asString("");
            status = transport.send(HttpCall.get(apiRoot.resolve("status/" + id + "/"), TAXII)).json();
        }
        return status;
    }

    private static void read(JsonNode status, String member, ObjectResult.Outcome outcome, Map<String, ObjectResult> byKey) {
        for (JsonNode detail : status.path(member)) {
            String id = detail.path("id").asString("");
            String version = detail.hasNonNull("version") ? detail.get("version").asString() : null;
            String message = detail.hasNonNull("message") ? detail.get("message").asString() : null;
            OptionalLong logIndex = detail.hasNonNull("log_index") && detail.get("log_index").isIntegralNumber()
                    ? OptionalLong.of(detail.get("log_index").asLong()) : OptionalLong.empty();
            ObjectResult result = new ObjectResult(id, version, outcome, message, logIndex);
            byKey.put(id + "|" + (version == null ? "" : normalise(version)), result);
            byKey.putIfAbsent(id + "|", result);
        }
    }

    private static String idOf(JsonNode object, int index) {
        JsonNode id = object.get("id");
        return id != null && id.isString() ? id.stringValue() : "objects[" + index + "]";
    }

    private static String versionOf(JsonNode object) {
        for (String name : new String[] {"modified", "created"}) {
            JsonNode value = object.get(name);
            if (value != null && value.isString()) {
                return normalise(value.stringValue());
            }
        }
        return null;
    }

    /** The server may write a version with another precision; compare instants, not spellings. */
    private static String normalise(String version) {
        try {
            return org.trilateral.taxonomy.stix.StixTimestamp.parse(version).toString();
        } catch (RuntimeException e) {
            return version;
        }
    }
}

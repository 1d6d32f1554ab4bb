package org.trilateral.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.HttpResult;
import org.trilateral.client.internal.Transport;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerificationException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.merkle.ConsistencyProof;
import org.trilateral.integrity.merkle.InclusionProof;
import org.trilateral.integrity.merkle.InvalidProofException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the exchange's transparency log: each new checkpoint is signed by the log's note key and extends the last
 * verified one (RFC 9162 §2.1.4), and an object version is recorded, exactly as received, by a leaf included under a
 * verified checkpoint (RFC 9162 §2.1.3). The first checkpoint ever seen is trusted on first use; from then on a fork
 * or a rollback is detected. Obtain it from {@link ExchangeClient#log()}. Thread-safe.
 *
 * <p>Endpoints, relative to the log URL ({@code {base}/log/} by default; docs/transparency-log.md): {@code checkpoint}
 * (the signed note), {@code proof/consistency?from=M&to=N} ({@code {"proof":[base64…]}}),
 * {@code proof/inclusion?id=…&modified=…[&collection=…]} or {@code ?index=i&tree_size=N}
 * ({@code {"log_index","tree_size","leaf_hash","proof"}}) and {@code leaves/{i}}
 * ({@code {"log_index","leaf":{…},"leaf_hash"}}).
 */
public final class LogVerifier {

    private final Transport transport;
    private final URI logUrl;
    private final String origin;
    private final List<NoteVerifierKey> keys;
    private final CheckpointStore store;
    private final Function<String, String> collectionIds;

    LogVerifier(Transport transport, URI logUrl, String origin, List<NoteVerifierKey> keys, CheckpointStore store,
                Function<String, String> collectionIds) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.logUrl = Objects.requireNonNull(logUrl, "logUrl");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("log verification needs at least one note verifier key of the log");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.collectionIds = Objects.requireNonNull(collectionIds, "collectionIds");
    }

    /** The origin checkpoints must name. */
    public String origin() {
        return origin;
    }

    /**
     * Fetches the log's latest checkpoint, checks its signature and origin, checks that it extends the last verified
     * one, and keeps it as the last verified one.
     *
     * @throws LogVerificationException {@code LOG_INCONSISTENT} for a bad signature, fork or rollback,
     *     {@code LOG_UNAVAILABLE} when the log cannot be read
     */
    public Checkpoint refresh() {
        String note = fetch(logUrl.resolve("checkpoint"), "text/plain").text();
        Checkpoint latest;
        try {
            latest = Checkpoint.openSigned(note, origin, keys);
        } catch (NoteVerificationException | NoteFormatException e) {
            throw new LogVerificationException(VerificationFailure.LOG_INCONSISTENT,
                    "the log's checkpoint is not validly signed for origin " + origin + ": " + e.getMessage(), e);
        }
        return accept(latest);
    }

    /**
     * Checks that {@code newer} (already signature-checked) extends the last verified checkpoint, fetching the
     * consistency proof, and keeps it as the last verified one.
     *
     * @throws LogVerificationException {@code LOG_INCONSISTENT} naming both tree sizes when it does not
     */
    public synchronized Checkpoint accept(Checkpoint newer) {
        Checkpoint known = store.load().orElse(null);
        if (known == null) {
            store.save(newer);
            return newer;
        }
        if (newer.size() < known.size()) {
            throw inconsistent("the log shrank from " + known.size() + " to " + newer.size() + " entries (rollback)", null);
        }
        if (newer.size() == known.size()) {
            if (!MessageDigest.isEqual(newer.rootHash(), known.rootHash())) {
                throw inconsistent("two checkpoints of tree size " + known.size() + " have different root hashes (fork)", null);
            }
            return known;
        }
        JsonNode answer = fetchJson(logUrl.resolve("proof/consistency?from=" + known.size() + "&to=" + newer.size()));
        try {
            new ConsistencyProof(known.size(), newer.size(), hashes(answer.get("proof"), "proof"))
                    .verify(known.rootHash(), newer.rootHash());
        } catch (InvalidProofException e) {
            throw inconsistent("the checkpoint of size " + newer.size() + " does not extend the verified one of size "
                    + known.size() + " (fork): " + e.getMessage(), e);
        }
        store.save(newer);
        return newer;
    }

    /**
     * {@link #verifyInclusion(JsonNode, String)} without checking the collection (the leaf may be in any).
     */
    public ObjectVersionLeaf verifyInclusion(JsonNode object) {
        return verifyInclusion(object, null);
    }

    /**
     * Checks that the log records {@code object} exactly as received, under the last verified checkpoint
     * (refreshed first when the object's leaf is newer): the leaf of its id and version names it, its collection
     * and its {@code object_sha256} (the SHA-256 of the object's RFC 8785 form); the leaf hashes to the hash the log
     * gives for it; and the inclusion proof leads from that hash to the checkpoint's root.
     *
     * @param object the object as received
     * @param collection the id or alias of the collection it was read from, or null when not known
     * @return the object's leaf
     * @throws LogVerificationException {@code NOT_IN_LOG}, {@code LEAF_MISMATCH}, {@code LOG_INCONSISTENT} or
     *     {@code LOG_UNAVAILABLE}, with a message naming the object and what failed
     */
    public ObjectVersionLeaf verifyInclusion(JsonNode object, String collection) {
        String id = ObjectVersions.idOf(object);
        String version = ObjectVersions.versionOf(object);
        if (id == null || version == null) {
            throw new LogVerificationException(VerificationFailure.NOT_IN_LOG, "the object has no id, or neither"
                    + " modified nor created, to look up in the log", null);
        }
        String collectionId = collection == null ? null : collectionId(collection);
        Checkpoint checkpoint = store.load().orElseGet(this::refresh);
        JsonNode proof = proofOf(id, version, collectionId);
        long index = number(proof, "log_index");
        if (index >= checkpoint.size()) {
            checkpoint = refresh();
            if (index >= checkpoint.size()) {
                throw inconsistent("the log gives " + id + " version " + version + " the index " + index
                        + " but its latest checkpoint holds only " + checkpoint.size() + " entries", null);
            }
        }
        if (number(proof, "tree_size") != checkpoint.size()) {
            proof = fetchJson(logUrl.resolve("proof/inclusion?index=" + index + "&tree_size=" + checkpoint.size()));
            if (number(proof, "log_index") != index || number(proof, "tree_size") != checkpoint.size()) {
                throw inconsistent("the log answered the inclusion proof of entry " + index + " at tree size "
                        + checkpoint.size() + " with one of entry " + number(proof, "log_index") + " at tree size "
                        + number(proof, "tree_size"), null);
            }
        }
        JsonNode served = fetchJson(logUrl.resolve("leaves/" + index));
        if (number(served, "log_index") != index) {
            throw inconsistent("the log answered the request for leaf " + index + " with leaf "
                    + number(served, "log_index"), null);
        }
        JsonNode leafJson = served.get("leaf");
        if (leafJson == null || !leafJson.isObject()) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's leaf " + index
                    + " has no \"leaf\" object", null);
        }
        byte[] leafHash = ObjectVersionLeaf.leafHash(leafJson);
        if (!MessageDigest.isEqual(decode(served.get("leaf_hash"), "leaf_hash"), leafHash)
                || !MessageDigest.isEqual(decode(proof.get("leaf_hash"), "leaf_hash"), leafHash)) {
            throw inconsistent("the log's leaf " + index + " does not hash to the leaf_hash the log gives for it", null);
        }
        ObjectVersionLeaf leaf = ObjectVersionLeaf.fromJson(leafJson);
        if (leaf.logIndex() != index) {
            throw inconsistent("the log's leaf " + index + " says it is leaf " + leaf.logIndex(), null);
        }
        leaf.requireDescribes(object, collectionId);
        try {
            new InclusionProof(index, checkpoint.size(), hashes(proof.get("proof"), "proof"))
                    .verify(leafHash, checkpoint.rootHash());
        } catch (InvalidProofException e) {
            throw new LogVerificationException(VerificationFailure.NOT_IN_LOG, id + " version " + version
                    + " (leaf " + index + ") is not proven to be in the log of size " + checkpoint.size() + ": "
                    + e.getMessage(), e);
        }
        return leaf;
    }

    /** The inclusion proof of the latest leaf of the version, at the log's latest size. */
    private JsonNode proofOf(String id, String version, String collectionId) {
        URI uri = logUrl.resolve("proof/inclusion?id=" + encode(id) + "&modified=" + encode(version)
                + (collectionId == null ? "" : "&collection=" + encode(collectionId)));
        try {
            return fetchJson(uri);
        } catch (LogVerificationException e) {
            if (e.getCause() instanceof NotFoundException) {
                throw new LogVerificationException(VerificationFailure.NOT_IN_LOG, id + " version " + version
                        + " is not in the log" + (collectionId == null ? "" : " of collection " + collectionId), e.getCause());
            }
            throw e;
        }
    }

    private String collectionId(String collection) {
        try {
            return collectionIds.apply(collection);
        } catch (ExchangeException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the id of collection "
                    + collection + " could not be read, to compare with the log: " + e.getMessage(), e);
        }
    }

    /** A JSON answer of the log; a malformed body is {@code LOG_UNAVAILABLE}, as verification never throws otherwise. */
    private JsonNode fetchJson(URI uri) {
        HttpResult result = fetch(uri, "application/json");
        try {
            return result.json();
        } catch (ServerException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private HttpResult fetch(URI uri, String accept) {
        try {
            return transport.send(HttpCall.get(uri, accept));
        } catch (ServerException | NetworkException | RateLimitException | AuthenticationException | PermissionException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log at " + uri
                    + " could not be read: " + e.getMessage(), e);
        } catch (ExchangeException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log refused " + uri + ": "
                    + e.getMessage(), e);
        }
    }

    private static LogVerificationException inconsistent(String message, Throwable cause) {
        return new LogVerificationException(VerificationFailure.LOG_INCONSISTENT, message, cause);
    }

    private static List<byte[]> hashes(JsonNode array, String what) {
        if (array == null || !array.isArray()) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's answer has no \""
                    + what + "\" array", null);
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode element : array) {
            hashes.add(decode(element, what + "[" + hashes.size() + "]"));
        }
        return hashes;
    }

    private static byte[] decode(JsonNode value, String what) {
        if (value == null || !value.isString()) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's " + what
                    + " is not a base64 string", null);
        }
        try {
            return Base64.getDecoder().decode(value.stringValue());
        } catch (IllegalArgumentException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's " + what
                    + " is not base64: " + e.getMessage(), e);
        }
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's answer has no valid \""
                    + name + "\"", null);
        }
        return value.asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

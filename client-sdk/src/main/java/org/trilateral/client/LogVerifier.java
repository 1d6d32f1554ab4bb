package org.trilateral.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.Transport;
import org.trilateral.taxonomy.checkpoint.Checkpoint;
import org.trilateral.taxonomy.checkpoint.NoteFormatException;
import org.trilateral.taxonomy.checkpoint.NoteVerificationException;
import org.trilateral.taxonomy.checkpoint.NoteVerifierKey;
import org.trilateral.taxonomy.merkle.ConsistencyProof;
import org.trilateral.taxonomy.merkle.InclusionProof;
import org.trilateral.taxonomy.merkle.InvalidProofException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the exchange's transparency log: each new checkpoint is signed by the log's note key and extends the last
 * verified one (RFC 9162 §2.1.4), and an object is included under a verified checkpoint (RFC 9162 §2.1.3). The
 * first checkpoint ever seen is trusted on first use; from then on a fork or a rollback is detected. Obtain it from
 * {@link ExchangeClient#log()}. Thread-safe.
 *
 * <p>Endpoints, relative to the log URL ({@code {base}/log/} by default): {@code checkpoint} (the signed note),
 * {@code proof/consistency?from=M&to=N} ({@code {"proof":[base64…]}}) and
 * {@code proof/inclusion?id=…&modified=…&tree_size=N}
 * ({@code {"log_index":i,"tree_size":N,"proof":[base64…],"leaf_hash":base64}}).
 */
public final class LogVerifier {

    private final Transport transport;
    private final URI logUrl;
    private final String origin;
    private final List<NoteVerifierKey> keys;
    private final CheckpointStore store;
    private final LeafHasher leafHasher;

    LogVerifier(Transport transport, URI logUrl, String origin, List<NoteVerifierKey> keys, CheckpointStore store,
                LeafHasher leafHasher) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.logUrl = Objects.requireNonNull(logUrl, "logUrl");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("log verification needs at least one note verifier key of the log");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.leafHasher = Objects.requireNonNull(leafHasher, "leafHasher");
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
        JsonNode answer = fetch(logUrl.resolve("proof/consistency?from=" + known.size() + "&to=" + newer.size()),
                "application/json").json();
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
     * Checks that {@code object} is in the log under the last verified checkpoint, refreshing the checkpoint first
     * when the log has grown past it.
     *
     * @return the object's log index
     * @throws LogVerificationException {@code NOT_IN_LOG}, {@code LOG_INCONSISTENT} or {@code LOG_UNAVAILABLE}
     */
    public long verifyInclusion(JsonNode object) {
        String id = ObjectVersions.idOf(object);
        String version = ObjectVersions.versionOf(object);
        if (id == null || version == null) {
            throw new LogVerificationException(VerificationFailure.NOT_IN_LOG,
                    "the object has no id or version to look up in the log", null);
        }
        Checkpoint checkpoint = store.load().orElseGet(this::refresh);
        JsonNode proof;
        try {
            proof = fetch(logUrl.resolve("proof/inclusion?id=" + encode(id) + "&modified=" + encode(version)
                    + "&tree_size=" + checkpoint.size()), "application/json").json();
        } catch (LogVerificationException e) {
            if (e.getCause() instanceof NotFoundException) {
                throw new LogVerificationException(VerificationFailure.NOT_IN_LOG,
                        id + " version " + version + " is not in the log", e.getCause());
            }
            throw e;
        }
        long index = number(proof, "log_index");
        long treeSize = number(proof, "tree_size");
        if (treeSize != checkpoint.size()) {
            checkpoint = refresh();
            if (treeSize != checkpoint.size()) {
                throw inconsistent("the inclusion proof is for tree size " + treeSize
                        + " but the verified checkpoint has size " + checkpoint.size(), null);
            }
        }
        byte[] leaf = leafHasher.leafHash(object);
        JsonNode claimedLeaf = proof.get("leaf_hash");
        if (claimedLeaf != null && !MessageDigest.isEqual(decode(claimedLeaf, "leaf_hash"), leaf)) {
            throw new LogVerificationException(VerificationFailure.NOT_IN_LOG, "the log's entry " + index + " for "
                    + id + " is not this object: its leaf hash differs", null);
        }
        try {
            new InclusionProof(index, treeSize, hashes(proof.get("proof"), "proof")).verify(leaf, checkpoint.rootHash());
        } catch (InvalidProofException e) {
            throw new LogVerificationException(VerificationFailure.NOT_IN_LOG, id + " version " + version
                    + " is not proven to be in the log of size " + treeSize + ": " + e.getMessage(), e);
        }
        return index;
    }

    private org.trilateral.client.internal.HttpResult fetch(URI uri, String accept) {
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
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log's inclusion proof has no valid \""
                    + name + "\"", null);
        }
        return value.asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

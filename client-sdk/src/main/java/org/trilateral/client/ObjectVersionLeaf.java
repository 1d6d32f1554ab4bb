package org.trilateral.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.merkle.MerkleHash;
import tools.jackson.databind.JsonNode;

/**
 * An {@code object-version} leaf of the exchange's transparency log (docs/transparency-log.md, "Leaves"): the
 * RFC 8785 text of {@code {"kind":"object-version","collection","id","modified","object_sha256","kid"?,
 * "signature"?,"log_index","accepted"}}. The log commits to an object through {@code object_sha256}, the SHA-256
 * of the object's RFC 8785 form with every signature, so a received object is checked by recomputing that digest.
 *
 * @param logIndex the leaf's index in the log
 * @param collection the id of the collection the version was added to
 * @param id the object's STIX id
 * @param modified the version exactly as stored
 * @param objectSha256 lowercase hex SHA-256 of the object's canonical form
 * @param kid the key id of the object's first signature, when it was signed with one
 * @param signature the first signature in JWS compact form with detached payload, when signed
 * @param accepted when the exchange appended the leaf (RFC 3339)
 */
public record ObjectVersionLeaf(long logIndex, String collection, String id, String modified, String objectSha256,
                                Optional<String> kid, Optional<String> signature, String accepted) {

    /** The {@code kind} of a leaf recording an accepted object version. */
    public static final String KIND = "object-version";

    public ObjectVersionLeaf {
        if (logIndex < 0) {
            throw new IllegalArgumentException("log index " + logIndex + " is negative");
        }
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(objectSha256, "objectSha256");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(accepted, "accepted");
    }

    /**
     * Reads a leaf as the log serves it ({@code leaf} of {@code GET /log/leaves/{index}}).
     *
     * @throws LogVerificationException {@link VerificationFailure#LEAF_MISMATCH} when the leaf is of another kind
     *     (a tombstone or key event is not an object version), {@link VerificationFailure#LOG_UNAVAILABLE} when a
     *     member is missing or of the wrong type
     */
    public static ObjectVersionLeaf fromJson(JsonNode leaf) {
        if (leaf == null || !leaf.isObject()) {
            throw unusable("the log's leaf is not a JSON object");
        }
        String kind = text(leaf, "kind");
        if (!KIND.equals(kind)) {
            throw new LogVerificationException(VerificationFailure.LEAF_MISMATCH, "the log's leaf "
                    + leaf.path("log_index").asString("?") + " is a \"" + kind + "\" entry, not an object version", null);
        }
        JsonNode index = leaf.get("log_index");
        if (index == null || !index.canConvertToLong() || index.asLong() < 0) {
            throw unusable("the log's leaf has no valid \"log_index\"");
        }
        return new ObjectVersionLeaf(index.asLong(), text(leaf, "collection"), text(leaf, "id"), text(leaf, "modified"),
                text(leaf, "object_sha256"), optionalText(leaf, "kid"), optionalText(leaf, "signature"),
                text(leaf, "accepted"));
    }

    /**
     * The leaf hash of a served leaf, RFC 9162 §2.1.1 {@code SHA-256(0x00 || JCS(leaf))}. The exchange serves the
     * leaf's RFC 8785 text as is and RFC 8785 is idempotent, so canonicalising the parsed leaf gives the bytes the
     * log hashed.
     */
    public static byte[] leafHash(JsonNode leaf) {
        return MerkleHash.leaf(JsonCanonicalizer.canonicalize(leaf));
    }

    /**
     * The {@code object_sha256} of an object: lowercase hex SHA-256 of its RFC 8785 form, signatures included.
     *
     * @throws CanonicalizationException when the object has no RFC 8785 form (e.g. an integer beyond 2^53)
     */
    public static String objectSha256(JsonNode object) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JsonCanonicalizer.canonicalize(object)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 (Java SE MessageDigest)", e);
        }
    }

    /**
     * Checks that this leaf records {@code object} exactly as received.
     *
     * @param object the object as received
     * @param collectionId the id of the collection it was read from, or null when not known (not checked then)
     * @throws LogVerificationException {@link VerificationFailure#LEAF_MISMATCH} naming the first difference
     */
    public void requireDescribes(JsonNode object, String collectionId) {
        String objectId = ObjectVersions.idOf(object);
        String version = ObjectVersions.versionOf(object);
        if (!id.equals(objectId)) {
            throw mismatch("names object " + id + ", not " + objectId);
        }
        if (!modified.equals(version)) {
            throw mismatch("names version " + modified + " of " + id + ", not " + version);
        }
        if (collectionId != null && !collection.equals(collectionId)) {
            throw mismatch("records " + id + " in collection " + collection + ", not " + collectionId);
        }
        String digest;
        try {
            digest = objectSha256(object);
        } catch (CanonicalizationException e) {
            throw new LogVerificationException(VerificationFailure.LEAF_MISMATCH, id + " version " + version
                    + " has no RFC 8785 form to compare with the log's digest: " + e.getMessage(), e);
        }
        if (!objectSha256.equals(digest)) {
            throw mismatch("has object_sha256 " + objectSha256 + " but " + id + " version " + version
                    + " as received has " + digest + ": the object was changed after the exchange logged it");
        }
    }

    private LogVerificationException mismatch(String what) {
        return new LogVerificationException(VerificationFailure.LEAF_MISMATCH, "the log's leaf " + logIndex + " " + what, null);
    }

    private static String text(JsonNode leaf, String name) {
        JsonNode value = leaf.get(name);
        if (value == null || !value.isString()) {
            throw unusable("the log's leaf has no string \"" + name + "\"");
        }
        return value.stringValue();
    }

    private static Optional<String> optionalText(JsonNode leaf, String name) {
        JsonNode value = leaf.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw unusable("the log's leaf has a \"" + name + "\" that is not a string");
        }
        return Optional.of(value.stringValue());
    }

    private static LogVerificationException unusable(String message) {
        return new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, message, null);
    }
}

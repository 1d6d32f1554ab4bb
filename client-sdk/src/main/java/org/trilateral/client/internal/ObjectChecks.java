package org.trilateral.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.trilateral.client.LogVerificationException;
import org.trilateral.client.ObjectVersions;
import org.trilateral.client.VerificationFailure;
import org.trilateral.client.VerificationResult;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.jcs.CanonicalForms;
import org.trilateral.integrity.jcs.CanonicalizationException;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.LegacyLeaf;
import org.trilateral.integrity.log.LogLeaf;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.merkle.InvalidProofException;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.tiles.TiledTree;
import org.trilateral.taxonomy.ExchangeIdentity;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSignatureVerifier;
import org.trilateral.taxonomy.signature.ObjectVerification;
import org.trilateral.taxonomy.signature.SignatureCheck;
import org.trilateral.taxonomy.signature.SignatureOutcome;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a batch of received objects against the log: one request for their openings, signatures checked on every
 * core with the keys the log proves, inclusion checked from the tiles of the verified checkpoint. Used by
 * {@code LogVerifier}; not thread-safe itself.
 */
public final class ObjectChecks {

    private static final ObjectSignatureVerifier SIGNATURES = new ObjectSignatureVerifier(ExchangeExtensions.OBJECT_SIGNATURE_ID);

    private final LogReader reader;
    private final KeyHistory keys;
    private final Supplier<Checkpoint> refresh;
    private final Function<Checkpoint, TiledTree> trees;
    private final ForkJoinPool pool;

    /**
     * @param refresh refreshes the verified checkpoint (and the key history) when an opening is newer than it; called on
     *     the thread that calls {@link #check}
     * @param trees the tiled tree of a checkpoint; called on the thread that calls {@link #check}
     * @param pool the threads that check entries and signatures
     */
    public ObjectChecks(LogReader reader, KeyHistory keys, Supplier<Checkpoint> refresh,
                        Function<Checkpoint, TiledTree> trees, ForkJoinPool pool) {
        this.reader = reader;
        this.keys = keys;
        this.refresh = refresh;
        this.trees = trees;
        this.pool = pool;
    }

    /** What one object is checked with. */
    record Work(JsonNode object, String id, String version, String digest, String digestProblem, CanonicalForms forms) {
    }

    /** An opening as served: a sealed one, or a leaf of format 1 shown to readers. */
    record Opening(long index, Optional<LeafOpening> sealed, Optional<LegacyLeaf> legacy, String collection) {
    }

    /**
     * A batch made ready to check: each object's digest, and the openings the exchange served for them (or why they
     * could not be read). Preparing needs no checkpoint, so the next batch can be prepared while one is checked.
     */
    public record Prepared(List<Work> work, Map<String, List<Opening>> openings, LogVerificationException unavailable) {

        /** The same objects, each to fail with {@code e} (the log could not be read). */
        public Prepared failing(LogVerificationException e) {
            return new Prepared(work, Map.of(), e);
        }
    }

    /** What the checks of one object found before inclusion: a failure, or its result and the leaf to prove. */
    private record Checked(VerificationResult result, long index, byte[] leafHash) {
    }

    public List<VerificationResult> verify(List<? extends JsonNode> objects, String collectionId, Checkpoint checkpoint) {
        return check(prepare(reader, objects, pool), collectionId, checkpoint);
    }

    /**
     * The digests of {@code objects} (on the threads of {@code pool}) and their openings, one request per
     * {@link LogReader#OPENINGS_PER_REQUEST} objects made on the calling thread. Thread-safe.
     */
    public static Prepared prepare(LogReader reader, List<? extends JsonNode> objects, ForkJoinPool pool) {
        List<Work> work = pool.submit(() -> IntStream.range(0, objects.size()).parallel()
                .mapToObj(i -> work(objects.get(i))).toList()).join();
        try {
            return new Prepared(work, openings(reader, work), null);
        } catch (LogVerificationException e) {
            return new Prepared(work, Map.of(), e);
        }
    }

    /**
     * Checks a prepared batch against {@code checkpoint} (refreshed first when an opening is newer): one result per
     * object, in order. The opening, the entry, the signature and inclusion (from the tiles of the checkpoint's tree,
     * shared by the pool's threads) are checked on every core of the pool.
     */
    public List<VerificationResult> check(Prepared batch, String collectionId, Checkpoint checkpoint) {
        List<Work> work = batch.work();
        if (batch.unavailable() != null) {
            LogVerificationException e = batch.unavailable();
            return work.stream().map(w -> VerificationResult.failed(w.id(), w.version(), e.failure(), e.getMessage())).toList();
        }
        Opening[] chosen = new Opening[work.size()];
        long newest = -1;
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            if (w.digest() == null) {
                continue;
            }
            Optional<Opening> opening = batch.openings().getOrDefault(w.id() + "|" + w.digest(), List.of()).stream()
                    .filter(o -> collectionId == null || collectionId.equals(o.collection()))
                    .min(Comparator.comparingLong(Opening::index));
            if (opening.isPresent()) {
                chosen[i] = opening.get();
                newest = Math.max(newest, opening.get().index());
            }
        }
        Checkpoint current = checkpoint;
        if (newest >= current.size()) {
            try {
                current = refresh.get();
            } catch (LogVerificationException e) {
                return work.stream().map(w -> VerificationResult.failed(w.id(), w.version(), e.failure(), e.getMessage())).toList();
            }
        }
        Checkpoint at = current;
        TiledTree tree = trees.apply(at);
        return pool.submit(() -> IntStream.range(0, work.size()).parallel().mapToObj(i -> {
            Checked c = checkedBeforeInclusion(work.get(i), chosen[i], collectionId, at);
            return c.leafHash() == null ? c.result() : included(work.get(i), c, at, tree).orElse(c.result());
        }).toList()).join();
    }

    /** Everything but inclusion: the opening and its entry, then the signature (a failure of the first wins). */
    private Checked checkedBeforeInclusion(Work w, Opening opening, String collectionId, Checkpoint checkpoint) {
        Structural structural = structural(w, opening, collectionId, checkpoint);
        if (structural.failure().isPresent()) {
            return new Checked(structural.failure().get(), -1, null);
        }
        return new Checked(signed(w, opening, structural.record()), opening.index(), structural.leafHash());
    }

    private static Work work(JsonNode object) {
        String id = ObjectVersions.idOf(object);
        String version = ObjectVersions.versionOf(object);
        try {
            // One RFC 8785 walk gives both the digest's input and the payload the signature covers.
            CanonicalForms forms = SIGNATURES.canonicalForms(object);
            return new Work(object, id, version, sha256(forms.whole()), null, forms);
        } catch (CanonicalizationException e) {
            return new Work(object, id, version, null, e.getMessage(), null);
        }
    }

    private static Map<String, List<Opening>> openings(LogReader reader, List<Work> work) {
        List<String[]> wanted = work.stream().filter(w -> w.digest() != null && w.id() != null)
                .map(w -> new String[] {w.id(), w.digest()}).toList();
        Map<String, List<Opening>> byObject = new HashMap<>();
        for (JsonNode served : reader.openings(wanted)) {
            Opening opening = parse(served);
            String key = opening.sealed().map(o -> {
                JsonNode entry = o.entry();
                return entry.path("id").asString("") + "|" + entry.path("object_sha256").asString("");
            }).orElseGet(() -> opening.legacy().map(l -> l.text("id").orElse("") + "|"
                    + l.text("object_sha256").orElse("")).orElse(""));
            byObject.computeIfAbsent(key, k -> new ArrayList<>()).add(opening);
        }
        return byObject;
    }

    private static Opening parse(JsonNode served) {
        try {
            if (served.has("legacy_leaf")) {
                LogLeaf leaf = LogLeaf.parse(served.get("legacy_leaf"));
                if (!(leaf instanceof LegacyLeaf legacy) || !legacy.kind().equals("object-version")) {
                    throw new LeafFormatException("a legacy opening holds an object-version leaf of format 1");
                }
                return new Opening(served.path("log_index").asLong(), Optional.empty(), Optional.of(legacy),
                        legacy.text("collection").orElse(""));
            }
            LeafOpening opening = LeafOpening.parse(served);
            return new Opening(opening.logIndex(), Optional.of(opening), Optional.empty(),
                    opening.entry().path("collection").asString(""));
        } catch (LeafFormatException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the exchange served an opening"
                    + " that is not of the documented form: " + e.getMessage(), e);
        }
    }

    /**
     * What the opening says of an object: a failure, or the entry it opens (empty for a leaf of format 1) and the leaf
     * hash to prove included.
     */
    private record Structural(Optional<VerificationResult> failure, ObjectVersionRecord record, byte[] leafHash) {
        static Structural failed(Optional<VerificationResult> failure) {
            return new Structural(failure, null, null);
        }
    }

    /** Everything but the signature and inclusion: the opening, the entry describing this object. */
    private Structural structural(Work w, Opening opening, String collectionId, Checkpoint checkpoint) {
        if (w.id() == null) {
            return Structural.failed(failed(w, VerificationFailure.LEAF_MISMATCH, "the object has no id"));
        }
        if (w.digest() == null) {
            return Structural.failed(failed(w, VerificationFailure.MALFORMED_SIGNATURE, "the object has no RFC 8785 form: "
                    + w.digestProblem()));
        }
        if (opening == null) {
            return Structural.failed(failed(w, VerificationFailure.NOT_IN_LOG, w.id()
                    + (w.version() == null ? "" : " version " + w.version())
                    + " with this content (object_sha256 " + w.digest() + ") has no opening you may read"
                    + (collectionId == null ? "" : " in collection " + collectionId)
                    + ": the log does not hold it as received"));
        }
        if (opening.index() >= checkpoint.size()) {
            return Structural.failed(failed(w, VerificationFailure.LOG_INCONSISTENT, "the opening of " + w.id()
                    + " names leaf " + opening.index() + " but the latest verified checkpoint holds " + checkpoint.size()
                    + " leaves"));
        }
        if (opening.sealed().isPresent()) {
            LeafOpening sealed = opening.sealed().get();
            SealedEntry entry;
            try {
                entry = sealed.openedEntry();
            } catch (LeafFormatException e) {
                return Structural.failed(failed(w, VerificationFailure.LEAF_MISMATCH, e.getMessage()));
            }
            if (!(entry instanceof ObjectVersionRecord record)) {
                return Structural.failed(failed(w, VerificationFailure.LEAF_MISMATCH, "leaf " + opening.index()
                        + " is a tombstone, not an object version"));
            }
            Optional<String> mismatch = mismatch(w, record.id(), record.objectSha256(), record.version(),
                    record.collection(), collectionId, !isVersioned(w));
            if (mismatch.isPresent()) {
                return Structural.failed(failed(w, VerificationFailure.LEAF_MISMATCH, "leaf " + opening.index() + " "
                        + mismatch.get()));
            }
            JsonNode creator = w.object().get("created_by_ref");
            if (creator != null && creator.isString() && !creator.stringValue().equals(record.publisherIdentity())) {
                return Structural.failed(failed(w, VerificationFailure.PUBLISHER_MISMATCH, "the object names "
                        + creator.stringValue() + " as its creator but the log records it as published by "
                        + record.publisher() + " (" + record.publisherIdentity() + ")"));
            }
            return new Structural(Optional.empty(), record, sealed.leaf().leafHash());
        }
        LegacyLeaf legacy = opening.legacy().orElseThrow();
        Optional<String> mismatch = mismatch(w, legacy.text("id").orElse(""), legacy.text("object_sha256").orElse(""),
                legacy.text("modified").orElse(""), legacy.text("collection").orElse(""), collectionId, !isVersioned(w));
        if (mismatch.isPresent() || legacy.logIndex() != opening.index()) {
            return Structural.failed(failed(w, VerificationFailure.LEAF_MISMATCH, "leaf " + opening.index() + " "
                    + mismatch.orElse("says it is leaf " + legacy.logIndex())));
        }
        return new Structural(Optional.empty(), null, legacy.leafHash());
    }

    /** The leaf is included under the checkpoint (RFC 9162 §2.1.3), the proof computed from its tiles. */
    private static Optional<VerificationResult> included(Work w, Checked checked, Checkpoint checkpoint, TiledTree tree) {
        try {
            MerkleProofs.inclusion(checked.index(), checkpoint.size(), tree).verify(checked.leafHash(), checkpoint.rootHash());
        } catch (InvalidProofException | IllegalStateException e) {
            return failed(w, VerificationFailure.NOT_IN_LOG, w.id() + " (leaf " + checked.index() + ") is not proven"
                    + " to be in the log of size " + checkpoint.size() + ": " + e.getMessage());
        } catch (LogVerificationException e) {
            return failed(w, e.failure(), e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> mismatch(Work w, String id, String digest, String version, String collection,
                                             String collectionId, boolean unversioned) {
        if (!id.equals(w.id())) {
            return Optional.of("names object " + id + ", not " + w.id());
        }
        if (!digest.equals(w.digest())) {
            return Optional.of("has object_sha256 " + digest + " but the object as received has " + w.digest()
                    + ": it was changed after the exchange logged it");
        }
        if (!unversioned && !version.equals(w.version())) {
            return Optional.of("names version " + version + " of " + id + ", not " + w.version());
        }
        if (collectionId != null && !collection.equals(collectionId)) {
            return Optional.of("records " + id + " in collection " + collection + ", not " + collectionId);
        }
        return Optional.empty();
    }

    /** The publisher's signature, with a key the log proves was the publisher's at the object's index. */
    private VerificationResult signed(Work w, Opening opening, ObjectVersionRecord record) {
        String publisher;
        String accepted;
        boolean publishedByExchange;
        Optional<String> loggedKid;
        if (record != null) {
            publisher = record.publisher();
            accepted = record.accepted();
            publishedByExchange = ExchangeIdentity.ID.equals(record.publisherIdentity());
            loggedKid = record.kid();
        } else {
            LegacyLeaf legacy = opening.legacy().orElseThrow();
            loggedKid = legacy.text("kid");
            publisher = loggedKid.flatMap(keys::key).map(KeyHistory.Key::member).orElse("");
            accepted = legacy.text("accepted").orElse("");
            publishedByExchange = false;
        }
        Instant acceptedAt;
        try {
            acceptedAt = Instant.parse(accepted);
        } catch (DateTimeParseException e) {
            return VerificationResult.failed(w.id(), w.version(), VerificationFailure.LEAF_MISMATCH,
                    "leaf " + opening.index() + " has the unreadable accepted time " + accepted);
        }
        ObjectVerification verification = SIGNATURES.verify(w.object(), w.forms(),
                kid -> keys.key(kid).map(KeyHistory.Key::jwk));
        String where = ", log index " + opening.index();
        switch (verification.status()) {
            case NO_SIGNATURE -> {
                if (publishedByExchange && loggedKid.isEmpty()) {
                    return VerificationResult.verified(w.id(), w.version(), "published by the exchange itself, unsigned;"
                            + " its log entry vouches for it" + where, OptionalLong.of(opening.index()));
                }
                return VerificationResult.failed(w.id(), w.version(), VerificationFailure.NO_SIGNATURE, verification.message());
            }
            case CHECKED -> {
            }
            default -> {
                return VerificationResult.failed(w.id(), w.version(), VerificationFailure.MALFORMED_SIGNATURE,
                        verification.message());
            }
        }
        List<SignatureCheck> checks = verification.signatures();
        Optional<SignatureCheck> bad = checks.stream().filter(c -> c.outcome() == SignatureOutcome.BAD_SIGNATURE).findFirst();
        if (bad.isPresent()) {
            return VerificationResult.failed(w.id(), w.version(), VerificationFailure.BAD_SIGNATURE, bad.get().message());
        }
        Optional<Instant> signedTime = signedTime(w);
        KeyHistory.Verdict firstFailure = null;
        for (SignatureCheck check : checks) {
            if (!check.verified() || check.kid().isEmpty()) {
                continue;
            }
            KeyHistory.Verdict verdict = keys.judge(check.kid().get(), publisher, opening.index(), acceptedAt, signedTime);
            if (verdict.failure().isEmpty()) {
                return VerificationResult.verified(w.id(), w.version(), "signed by " + verdict.detail() + where,
                        OptionalLong.of(opening.index()));
            }
            if (firstFailure == null) {
                firstFailure = verdict;
            }
        }
        if (firstFailure != null) {
            return VerificationResult.failed(w.id(), w.version(), firstFailure.failure().orElseThrow(), firstFailure.detail());
        }
        return VerificationResult.failed(w.id(), w.version(), VerificationFailure.KEY_NOT_IN_LOG, "no signature is by a"
                + " key the log registers: " + checks.stream().map(SignatureCheck::message).reduce((a, b) -> a + "; " + b)
                .orElse("no signature"));
    }

    private static boolean isVersioned(Work w) {
        return w.object().has("modified") || w.object().has("created");
    }

    private static Optional<Instant> signedTime(Work w) {
        if (w.version() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(w.version()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<VerificationResult> failed(Work w, VerificationFailure failure, String detail) {
        return Optional.of(VerificationResult.failed(w.id(), w.version(), failure, detail));
    }

    static String sha256(JsonNode object) {
        return sha256(JsonCanonicalizer.canonicalize(object));
    }

    private static String sha256(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

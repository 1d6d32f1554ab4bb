package org.trilateral.client;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trilateral.client.internal.KeyHistory;
import org.trilateral.client.internal.LogAudit;
import org.trilateral.client.internal.LogFollower;
import org.trilateral.client.internal.LogReader;
import org.trilateral.client.internal.ObjectChecks;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerificationException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.log.ExpiryRecord;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.TombstoneRecord;
import org.trilateral.integrity.merkle.InvalidProofException;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.tiles.TiledTree;
import tools.jackson.databind.JsonNode;

/**
 * Checks what the exchange serves against its transparency log, trusting the members and the witnesses, not the hub
 * (docs/integrity.md, "Threat model"). Obtain it from {@link ExchangeClient#log()}. Thread-safe: its operations are
 * serialised.
 *
 * <ul>
 *   <li>{@link #refresh()}: the latest checkpoint, signed by the pinned log key, cosigned by the witness quorum, and
 *       consistent with every checkpoint verified before (else {@link LogForkException} with both signed notes).</li>
 *   <li>{@link #follow()}: reads the log's new leaves through its tiles; the members' keys are what the log's key
 *       events prove (with each member's proof), never the hub's JWKS.</li>
 *   <li>{@link #verify(List, String)}: objects against their openings: the log commits to exactly this content,
 *       published by this member, signed with a key the log proves was the member's at that index.</li>
 *   <li>{@link #audit}: walks leaves between two checkpoints; every leaf addressed to this member must be delivered or
 *       tombstoned, and nothing superseded or deleted served as current.</li>
 *   <li>{@link #compare} / {@link #exportCheckpoints()}: gossip, so members can check they were all shown one log.</li>
 * </ul>
 */
public final class LogVerifier {

    private static final int CACHED_TILES = 4096;

    private final LogReader reader;
    private final TrustPolicy policy;
    private final CheckpointStore checkpoints;
    private final LogEventStore events;
    private final Clock clock;
    private final Function<String, String> collectionIds;
    private final LogFollower follower;
    private List<NoteVerifierKey> logKeys;
    private String origin;
    private KeyHistory keys;
    private Checkpoint verified;
    private TiledTree tree;

    LogVerifier(LogReader reader, TrustPolicy policy, CheckpointStore checkpoints, LogEventStore events, Clock clock,
                Function<String, String> collectionIds) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.collectionIds = Objects.requireNonNull(collectionIds, "collectionIds");
        this.follower = new LogFollower(reader);
    }

    /** The trust policy this verifier applies. */
    public TrustPolicy policy() {
        return policy;
    }

    /** The log's origin, once its key is known. */
    public synchronized String origin() {
        resolveKeys();
        return origin;
    }

    /**
     * Fetches the latest checkpoint and keeps it as verified when it is signed by the log's key, cosigned by the
     * witness quorum, and consistent with the last verified checkpoint.
     *
     * @throws LogForkException for a checkpoint that contradicts the kept one, with both signed notes
     * @throws LogVerificationException {@code LOG_INCONSISTENT} for a bad signature, {@code WITNESS_QUORUM} for missing
     *     cosignatures, {@code LOG_UNAVAILABLE} when the log cannot be read
     */
    public synchronized Checkpoint refresh() {
        return accept(reader.checkpoint(), true);
    }

    /**
     * Checks a signed checkpoint obtained elsewhere (another member's, gossip) as {@link #refresh()} checks the
     * exchange's: it must be signed, cosigned and consistent with what this client verified; when it is newer it
     * becomes the latest verified.
     *
     * @throws LogForkException when it contradicts a checkpoint this client verified: the exchange showed the two
     *     parties different logs
     */
    public synchronized Checkpoint compare(String signedNote) {
        return accept(signedNote, false);
    }

    /** Every signed checkpoint this client verified, oldest first, to give to others ({@link #compare}). */
    public List<String> exportCheckpoints() {
        return checkpoints.history();
    }

    /** Checks and keeps each of {@code notes} (another member's export); returns how many were newer. */
    public synchronized int importCheckpoints(List<String> notes) {
        int newer = 0;
        for (String note : notes) {
            long before = latest().map(Checkpoint::size).orElse(-1L);
            if (accept(note, false).size() > before) {
                newer++;
            }
        }
        return newer;
    }

    /**
     * Reads the log's leaves that are new since the last call, up to the latest verified checkpoint (refreshed first
     * when none is verified), into the key history.
     *
     * @return the key events read, in log order (for {@link #monitorOwnKeys})
     */
    public synchronized List<KeyEventLeaf> follow() {
        Checkpoint checkpoint = verified != null ? verified : refresh();
        KeyHistory history = history();
        if (history.size() > checkpoint.size()) {
            throw new LogVerificationException(VerificationFailure.LOG_INCONSISTENT, "the key history was read up to "
                    + history.size() + " leaves, beyond the verified checkpoint of " + checkpoint.size(), null);
        }
        return follower.catchUp(checkpoint, tree(checkpoint), history, events);
    }

    /**
     * Reads the new key events and names those of {@code member} that its system does not know: a kid it never
     * registered (a key the hub invented, logged for everyone to accept), or a revocation it did not ask for. The
     * member's own systems call this regularly and alert on every result.
     *
     * @param knownKids the kids the member registered itself
     * @return a sentence per alarming event
     */
    public synchronized List<String> monitorOwnKeys(String member, Set<String> knownKids) {
        List<String> alerts = new ArrayList<>();
        for (KeyEventLeaf event : follow()) {
            if (!event.member().equals(member)) {
                continue;
            }
            if (event.event() == KeyEventLeaf.Event.REGISTRATION && !knownKids.contains(event.kid())) {
                alerts.add("the log registers key " + event.kid() + " for " + member + " (by " + event.actorRole() + " "
                        + event.actor() + event.approvedBy().map(a -> ", approved by " + a).orElse("") + " at "
                        + event.accepted() + "), a key the member does not know");
            } else if (event.event() == KeyEventLeaf.Event.REVOCATION && knownKids.contains(event.kid())) {
                alerts.add("the log revokes the member's key " + event.kid() + " (by " + event.actorRole() + " "
                        + event.actor() + ": " + event.reason().orElse("no reason") + ")");
            }
        }
        return alerts;
    }

    /**
     * Verifies objects as received: each must have an opening the exchange gives to this member, committing to exactly
     * its content, included under the verified checkpoint, published by the member it names, and signed with a key the
     * log proves was that member's at the object's index. One result per object, in order; never throws for a check
     * that fails.
     *
     * @param collection the collection (id or alias) the objects were read from, or null when not known
     */
    public synchronized List<VerificationResult> verify(List<? extends JsonNode> objects, String collection) {
        String collectionId = collection == null ? null : collectionId(collection);
        try {
            follow();
        } catch (LogVerificationException e) {
            return objects.stream().map(o -> VerificationResult.failed(ObjectVersions.idOf(o), ObjectVersions.versionOf(o),
                    e.failure(), e.getMessage())).toList();
        }
        return checks(ForkJoinPool.commonPool()).verify(objects, collectionId, verified);
    }

    /**
     * {@link #verify(List, String)} for a stream of any length, with memory bounded by {@code window}: the objects are
     * taken in batches; while one is checked, the next ones have their digests computed and their openings fetched.
     * Each result goes to {@code results} in the objects' order, on the calling thread, before the next batch is
     * checked. Every check of {@link #verify(List, String)} applies to every object.
     *
     * @return how many objects were verified (results given)
     */
    public synchronized long verifyStream(Iterator<? extends JsonNode> objects, String collection,
                                          VerificationWindow window, Consumer<VerificationResult> results) {
        String collectionId = collection == null ? null : collectionId(collection);
        ForkJoinPool pool = new ForkJoinPool(window.threads());
        ExecutorService fetcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "exchange-verify-ahead");
            thread.setDaemon(true);
            return thread;
        });
        long count = 0;
        // The stream is read on the fetcher thread only, one batch per task in order: parsing the next batch overlaps
        // the checking of this one, and a null batch says the stream is done.
        Supplier<ObjectChecks.Prepared> nextBatch = () -> {
            List<JsonNode> batch = new ArrayList<>(window.batchSize());
            while (batch.size() < window.batchSize() && objects.hasNext()) {
                batch.add(objects.next());
            }
            return batch.isEmpty() ? null : ObjectChecks.prepare(reader, batch, pool);
        };
        try {
            LogVerificationException unavailable = null;
            boolean followed = false;
            Deque<CompletableFuture<ObjectChecks.Prepared>> ahead = new ArrayDeque<>();
            while (true) {
                while (ahead.size() <= window.batchesAhead()) {
                    ahead.add(CompletableFuture.supplyAsync(nextBatch, fetcher));
                }
                if (!followed) {
                    // The key history is brought up to date while the first batches are read and prepared.
                    followed = true;
                    try {
                        follow();
                    } catch (LogVerificationException e) {
                        unavailable = e;
                    }
                }
                ObjectChecks.Prepared prepared = joined(ahead.removeFirst());
                if (prepared == null) {
                    // The tasks after the end only find the stream ended; none may still touch it once this returns.
                    ahead.forEach(LogVerifier::joined);
                    return count;
                }
                List<VerificationResult> checked = checks(pool).check(unavailable == null ? prepared
                        : prepared.failing(unavailable), collectionId, verified);
                checked.forEach(results);
                count += checked.size();
            }
        } finally {
            fetcher.shutdownNow();
            pool.shutdownNow();
        }
    }

    /**
     * Verifies a deletion as received from the change feed or a stream before it is applied: its opening must give the
     * sealed leaf's commitment, open to a tombstone naming exactly this object, version and collection (and the deleted
     * version's {@code object_sha256}), and the leaf must be included under the verified checkpoint (refreshed when the
     * leaf is newer). Never throws for a check that fails: the result names it.
     *
     * @param collection the collection (id or alias) the event names, or null when not known
     */
    public VerificationResult verifyDeletion(String id, String version, String collection, JsonNode opening) {
        return verifyOpened(id, version, collection, opening, TombstoneRecord.class, "deletion");
    }

    /**
     * Verifies an expiry as received from the change feed or a stream before it is applied, as
     * {@link #verifyDeletion} does a deletion: its opening must open to the expiry leaf of exactly this object, version
     * and collection, included under the verified checkpoint.
     *
     * @param collection the collection (id or alias) the event names, or null when not known
     */
    public VerificationResult verifyExpiry(String id, String version, String collection, JsonNode opening) {
        return verifyOpened(id, version, collection, opening, ExpiryRecord.class, "expiry");
    }

    private synchronized VerificationResult verifyOpened(String id, String version, String collection, JsonNode opening,
                                                         Class<? extends SealedEntry> expected, String what) {
        String collectionId = collection == null ? null : collectionId(collection);
        try {
            follow();
        } catch (LogVerificationException e) {
            return VerificationResult.failed(id, version, e.failure(), e.getMessage());
        }
        LeafOpening parsed;
        SealedEntry record;
        try {
            parsed = LeafOpening.parse(opening);
            SealedEntry entry = parsed.openedEntry();
            if (!expected.isInstance(entry)) {
                return VerificationResult.failed(id, version, VerificationFailure.LEAF_MISMATCH, "leaf "
                        + parsed.logIndex() + " records " + kindOf(entry) + ", not the " + what + " the event tells");
            }
            record = entry;
        } catch (LeafFormatException e) {
            return VerificationResult.failed(id, version, VerificationFailure.LEAF_MISMATCH,
                    "the " + what + "'s opening does not hold: " + e.getMessage());
        }
        String where = "leaf " + parsed.logIndex();
        if (!record.id().equals(id)) {
            return VerificationResult.failed(id, version, VerificationFailure.LEAF_MISMATCH, where
                    + " records the " + what + " of " + record.id() + ", not " + id);
        }
        if (version != null && !record.version().equals(version)) {
            return VerificationResult.failed(id, version, VerificationFailure.LEAF_MISMATCH, where
                    + " records the " + what + " of version " + record.version() + " of " + id + ", not " + version);
        }
        if (collectionId != null && !record.collection().equals(collectionId)) {
            return VerificationResult.failed(id, version, VerificationFailure.LEAF_MISMATCH, where + " records the "
                    + what + " in collection " + record.collection() + ", not " + collectionId);
        }
        Checkpoint checkpoint = verified;
        try {
            if (parsed.logIndex() >= checkpoint.size()) {
                checkpoint = refresh();
                follow();
            }
            if (parsed.logIndex() >= checkpoint.size()) {
                return VerificationResult.failed(id, version, VerificationFailure.LOG_INCONSISTENT, "the " + what
                        + " names " + where + " but the latest verified checkpoint holds " + checkpoint.size() + " leaves");
            }
            MerkleProofs.inclusion(parsed.logIndex(), checkpoint.size(), tree(checkpoint))
                    .verify(parsed.leaf().leafHash(), checkpoint.rootHash());
        } catch (InvalidProofException | IllegalStateException e) {
            return VerificationResult.failed(id, version, VerificationFailure.NOT_IN_LOG, "the " + what + "'s " + where
                    + " is not proven to be in the log of size " + checkpoint.size() + ": " + e.getMessage());
        } catch (LogVerificationException e) {
            return VerificationResult.failed(id, version, e.failure(), e.getMessage());
        }
        String detail = record instanceof TombstoneRecord tombstone
                ? "deleted by " + tombstone.deletedBy() + " (the version with object_sha256 " + tombstone.objectSha256() + ")"
                : "expired at " + ((ExpiryRecord) record).validUntil() + " (the version with object_sha256 "
                        + ((ExpiryRecord) record).objectSha256() + ")";
        return VerificationResult.verified(id, version, detail + ", log index " + parsed.logIndex(),
                java.util.OptionalLong.of(parsed.logIndex()));
    }

    private static String kindOf(SealedEntry entry) {
        return entry instanceof TombstoneRecord ? "a deletion" : entry instanceof ExpiryRecord ? "an expiry"
                : "an object version";
    }

    /** The batch, or what reading the stream or preparing it threw, as thrown (not wrapped). */
    private static ObjectChecks.Prepared joined(CompletableFuture<ObjectChecks.Prepared> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private ObjectChecks checks(ForkJoinPool pool) {
        return new ObjectChecks(reader, keys, () -> {
            Checkpoint newer = refresh();
            follow();
            return newer;
        }, this::tree, pool);
    }

    /**
     * Audits the leaves {@code [from, to)} (to at most the verified checkpoint's size) for this member: every object
     * version addressed to it that is the latest it may read and not deleted must be among {@code delivered}, and no
     * delivered object may be a version the log shows superseded or deleted.
     */
    public synchronized AuditReport audit(long from, long to, DeliveredObjects delivered) {
        Checkpoint checkpoint = verified != null ? verified : refresh();
        long end = Math.min(to, checkpoint.size());
        return new LogAudit(reader, follower, reader.audienceKeys()).run(checkpoint, tree(checkpoint), from, end, delivered);
    }

    /** The latest verified checkpoint, if any. */
    public synchronized Optional<Checkpoint> latest() {
        if (verified != null) {
            return Optional.of(verified);
        }
        return checkpoints.latest().map(note -> Checkpoint.parse(SignedNote.parse(note).text()));
    }

    /** @param latest whether the note is the exchange's latest checkpoint, which must never be older than one verified */
    private Checkpoint accept(String note, boolean latest) {
        resolveKeys();
        SignedNote signed;
        Checkpoint presented;
        try {
            signed = SignedNote.parse(note);
            presented = Checkpoint.openSigned(note, origin, logKeys);
        } catch (NoteVerificationException | NoteFormatException e) {
            throw new LogVerificationException(VerificationFailure.LOG_INCONSISTENT,
                    "the checkpoint is not validly signed by the log " + origin + ": " + e.getMessage(), e);
        }
        try {
            policy.witnesses().require(signed, clock.instant());
        } catch (NoteVerificationException e) {
            throw new LogVerificationException(VerificationFailure.WITNESS_QUORUM, "the checkpoint of size "
                    + presented.size() + " lacks the witnesses' cosignatures: " + e.getMessage(), e);
        }
        Optional<String> keptNote = checkpoints.latest();
        if (keptNote.isEmpty()) {
            checkpoints.save(note);
            return verified(presented);
        }
        Checkpoint kept = Checkpoint.parse(SignedNote.parse(keptNote.get()).text());
        if (presented.size() < kept.size()) {
            if (latest) {
                throw new LogForkException(new ForkEvidence(keptNote.get(), note, "the log's latest checkpoint has "
                        + presented.size() + " leaves, fewer than the " + kept.size() + " of one verified before: the"
                        + " exchange rolled the log back or serves a stale view"), null);
            }
            // An older checkpoint from elsewhere must be a prefix of the kept one: checked from the kept tree's tiles.
            checkConsistent(presented, kept, keptNote.get(), note, false);
            return verified(kept);
        }
        if (presented.size() == kept.size()) {
            if (!MessageDigest.isEqual(presented.rootHash(), kept.rootHash())) {
                throw new LogForkException(new ForkEvidence(keptNote.get(), note, "two checkpoints of size "
                        + kept.size() + " have different roots: the log forked"), null);
            }
            return verified(kept);
        }
        checkConsistent(kept, presented, keptNote.get(), note, true);
        checkpoints.save(note);
        return verified(presented);
    }

    /** Checks that {@code older} is a prefix of {@code newer}, with a consistency proof computed from newer's tiles. */
    private void checkConsistent(Checkpoint older, Checkpoint newer, String keptNote, String presentedNote,
                                 boolean presentedIsNewer) {
        TiledTree newerTree = new TiledTree(newer.size(), reader, CACHED_TILES);
        try {
            MerkleProofs.consistency(older.size(), newer.size(), newerTree).verify(older.rootHash(), newer.rootHash());
        } catch (InvalidProofException | IllegalStateException e) {
            String reason = "the checkpoint of size " + (presentedIsNewer ? newer.size() : older.size())
                    + " is not consistent with the verified one of size "
                    + (presentedIsNewer ? older.size() : newer.size()) + ": the log forked or was rolled back ("
                    + e.getMessage() + ")";
            throw new LogForkException(new ForkEvidence(keptNote, presentedNote, reason), e);
        } catch (LogVerificationException e) {
            throw e;
        }
    }

    private Checkpoint verified(Checkpoint checkpoint) {
        if (verified == null || checkpoint.size() != verified.size()) {
            tree = null;
        }
        verified = checkpoint;
        return checkpoint;
    }

    private TiledTree tree(Checkpoint checkpoint) {
        if (tree == null || tree.treeSize() != checkpoint.size()) {
            tree = new TiledTree(checkpoint.size(), reader, CACHED_TILES);
        }
        return tree;
    }

    private KeyHistory history() {
        if (keys == null) {
            resolveKeys();
            keys = new KeyHistory(policy, origin);
            LogFollower.replay(events, keys);
        }
        return keys;
    }

    /** The pinned log key, or the one trusted on first use (kept in the checkpoint store, fetched only once). */
    private void resolveKeys() {
        if (logKeys != null) {
            return;
        }
        if (!policy.logKeys().isEmpty()) {
            logKeys = policy.logKeys();
            origin = policy.logOrigin();
            return;
        }
        String vkey = checkpoints.firstUseKey().orElseGet(() -> {
            String fetched = reader.key();
            checkpoints.keepFirstUseKey(fetched);
            return fetched;
        });
        try {
            NoteVerifierKey key = NoteVerifierKey.parse(vkey);
            logKeys = List.of(key);
            origin = key.name();
        } catch (NoteFormatException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log key " + vkey
                    + " is not a note verifier key: " + e.getMessage(), e);
        }
    }

    private String collectionId(String collection) {
        try {
            return collectionIds.apply(collection);
        } catch (ExchangeException e) {
            return collection;
        }
    }
}

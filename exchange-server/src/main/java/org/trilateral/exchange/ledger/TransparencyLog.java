package org.trilateral.exchange.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.log.Audience;
import org.trilateral.integrity.log.AudienceKeys;
import org.trilateral.integrity.log.AudienceTags;
import org.trilateral.integrity.log.LeafCommitment;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.SealedLeaf;
import org.trilateral.integrity.merkle.CompactRange;
import org.trilateral.integrity.merkle.ConsistencyProof;
import org.trilateral.integrity.merkle.InclusionProof;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHash;
import org.trilateral.taxonomy.stix.StixTimestamp;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange's transparency log: appends entries in acceptance order and answers checkpoints, leaves and
 * proofs from persisted perfect-subtree hashes with O(log n) reads in one query.
 *
 * <p>Appends run inside the caller's transaction, once per batch: under the log's advisory lock (taken after
 * any collection lock) the tree head is read, the compact range restored from O(log n) subtree hashes (or taken from
 * this instance's previous append when the head is still the one it left, {@link LastRange}), the
 * batch appended, its leaves and newly completed subtrees inserted and the head moved to a newly signed
 * checkpoint. The lock serialises appends of every instance sharing the database, so the log never forks;
 * a rolled-back transaction takes its leaves with it.
 */
@Component
public class TransparencyLog {

    private static final HexFormat HEX = HexFormat.of();

    private final LogStore store;
    private final CheckpointSigner signer;

    private final AudienceSecret audience;
    private final LastRange lastRange = new LastRange();
    private final Sinks.Many<Boolean> appendSignal = Sinks.many().multicast().directBestEffort();

    TransparencyLog(LogStore store, CheckpointSigner signer, AudienceSecret audience) {
        this.store = store;
        this.signer = signer;
        this.audience = audience;
    }

    /**
     * Appends the entries, in order, as one batch with one signed checkpoint. Must run in a transaction; a caller
     * holding a collection's ingest lock has taken it before this takes the log's.
     *
     * @return the log index of each entry, in order
     */
    public Mono<List<Long>> append(List<? extends LogEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(List.of());
        }
        List<LogEntry> batch = List.copyOf(entries);
        Set<String> recipients = new HashSet<>();
        for (LogEntry entry : batch) {
            if (entry instanceof SealedLogEntry sealed && sealed.audience().recipientIdentities() != null) {
                recipients.addAll(sealed.audience().recipientIdentities());
            }
        }
        return Mono.zip(store.membersByIdentity(recipients), audience.keys())
                .flatMap(context -> store.lock()
                .then(store.state())
                .flatMap(state -> range(state)
                        .publishOn(Schedulers.parallel())
                        .map(range -> Appended.of(batch, state, range, signer.origin(), context.getT1(), context.getT2()))
                        .flatMap(appended -> signer.sign(appended.checkpoint())
                                .flatMap(note -> store.writeBatch(appended.leaves(), state.now(), appended.subtrees(),
                                        appended.checkpoint().size(), appended.checkpoint().rootHash(), note))
                                .then(Mono.fromRunnable(() -> lastRange.remember(appended.range(), appended.checkpoint().rootHash())))
                                .thenReturn(appended.leaves().stream().map(EncodedLeaf::index).toList()))))
                .doOnSuccess(indexes -> appendSignal.tryEmitNext(Boolean.TRUE));
    }

    /** The compact range over the head: the one this instance left when the head is still its own, else read back. */
    private Mono<CompactRange> range(LogStore.State state) {
        return lastRange.over(state.size(), state.root()).map(Mono::just)
                .orElseGet(() -> SubtreeReads.compute(hashes -> CompactRange.restore(state.size(), hashes), store::subtrees));
    }

    /** Appends one key event (registration, validity change, revocation) as a batch of its own; answers its index. */
    public Mono<Long> appendKeyEvent(KeyEventEntry event) {
        return append(List.of(event)).map(indexes -> indexes.get(0));
    }

    /** Appends one admin event as a batch of its own; answers its index. Must run in the changing transaction. */
    public Mono<Long> appendAdminEvent(AdminEventEntry event) {
        return append(List.of(event)).map(indexes -> indexes.get(0));
    }

    /** Appends a tombstone per deleted version. Must run in the deleting transaction. */
    public Mono<List<Long>> appendTombstones(List<TombstoneEntry> tombstones) {
        return append(tombstones);
    }

    /** Appends an expiry per expired version. Must run in the transaction that marks them announced. */
    public Mono<List<Long>> appendExpiries(List<ExpiryEntry> expiries) {
        return append(expiries);
    }

    /**
     * Signals after appends (possibly before their transaction commits; readers re-read the committed head), for the
     * witness submitter.
     */
    public Flux<Boolean> appends() {
        return appendSignal.asFlux();
    }

    /**
     * The latest index of each already-stored object version, by its id and content digest: keyed
     * {@code id + "|" + lowercase hex SHA-256}. Versions logged before the log existed are absent.
     */
    public Mono<Map<String, Long>> indexesOfStoredVersions(String collectionId, List<String> ids, List<byte[]> sha256s) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return store.contentIndexes(collectionId, ids, sha256s);
    }

    /** The key of {@link #indexesOfStoredVersions}'s answer for one version. */
    public static String storedVersionKey(String id, byte[] sha256) {
        return id + "|" + HEX.formatHex(sha256);
    }

    /** The latest signed checkpoint note; for an empty log, a signed checkpoint of the empty tree. */
    public Mono<String> latestCheckpoint() {
        return store.state().flatMap(state -> state.checkpoint().map(Mono::just)
                .orElseGet(() -> signer.sign(new Checkpoint(signer.origin(), state.size(), state.root()))));
    }

    /** The log's origin: the first line of its checkpoints, and the {@code log} of key statements. */
    public String origin() {
        return signer.origin();
    }

    /** The current tree size. */
    public Mono<Long> size() {
        return store.state().map(LogStore.State::size);
    }

    /** The verifier key of the checkpoint signatures (C2SP signed-note vkey). */
    public Mono<String> verifierKey() {
        return signer.verifierKey().map(key -> key.format());
    }

    /** The signed checkpoint note of {@code size}, if one was signed. */
    public Mono<String> checkpointOf(long size) {
        return store.checkpointOf(size);
    }

    /** Records a witness's cosignature line of the checkpoint of {@code size}. */
    public Mono<Void> saveCosignature(long size, String witness, String line) {
        return store.saveCosignature(size, witness, line);
    }

    /** The cosignature lines of the checkpoint of {@code size}, by witness. */
    public Mono<Map<String, String>> cosignatures(long size) {
        return store.cosignatures(size);
    }

    /** The largest tree size cosigned by at least {@code quorum} witnesses, if any. */
    public Mono<Long> newestCosigned(int quorum) {
        return store.cosignedSizes(quorum).next();
    }

    /**
     * RFC 9162 §2.1.3.1 inclusion proof of leaf {@code index} in the tree of {@code treeSize}, with the leaf's
     * hash, from one read of the stored subtree hashes (the leaf hash is the level-0 subtree).
     */
    public Mono<IncludedLeaf> inclusionProof(long index, long treeSize) {
        return SubtreeReads.compute(hashes -> new IncludedLeaf(MerkleProofs.inclusion(index, treeSize, hashes),
                hashes.hash(0, index)), store::subtrees);
    }

    /** An inclusion proof and the hash of the leaf it proves. */
    public record IncludedLeaf(InclusionProof proof, byte[] leafHash) {

        public IncludedLeaf {
            leafHash = leafHash.clone();
        }

        @Override
        public byte[] leafHash() {
            return leafHash.clone();
        }
    }

    /** RFC 9162 §2.1.4.1 consistency proof between the trees of {@code from} and {@code to} leaves. */
    public Mono<ConsistencyProof> consistencyProof(long from, long to) {
        return SubtreeReads.compute(hashes -> MerkleProofs.consistency(from, to, hashes), store::subtrees);
    }

    /** The root hash of the tree of {@code treeSize} leaves. */
    public Mono<byte[]> root(long treeSize) {
        return SubtreeReads.compute(hashes -> MerkleProofs.root(treeSize, hashes), store::subtrees);
    }

    /** A batch encoded and appended to the compact range: what to insert, and the new head to sign. */
    private record Appended(List<EncodedLeaf> leaves, List<SubtreeHash> subtrees, Checkpoint checkpoint,
                            CompactRange range) {

        static Appended of(List<LogEntry> batch, LogStore.State state, CompactRange range, String origin,
                           Map<String, String> membersByIdentity, AudienceKeys keys) {
            // A restored range that disagrees with the signed head means the tables were altered: refuse to sign.
            if (!Arrays.equals(range.root(), state.root())) {
                throw new IllegalStateException("the log's compact range (from log_subtree, or from this instance's"
                        + " last append) gives root "
                        + HEX.formatHex(range.root()) + " for size " + state.size() + ", but log_state says "
                        + HEX.formatHex(state.root()));
            }
            String accepted = StixTimestamp.formatMicros(state.now());
            List<EncodedLeaf> leaves = new ArrayList<>(batch.size());
            List<SubtreeHash> subtrees = new ArrayList<>(batch.size() * 2);
            for (int i = 0; i < batch.size(); i++) {
                EncodedLeaf leaf = encode(batch.get(i), state.size() + i, accepted, membersByIdentity, keys);
                leaves.add(leaf);
                subtrees.addAll(range.append(leaf.hash()));
            }
            return new Appended(leaves, subtrees, new Checkpoint(origin, range.size(), range.root()), range);
        }

        private static EncodedLeaf encode(LogEntry entry, long index, String accepted,
                                          Map<String, String> membersByIdentity, AudienceKeys keys) {
            if (entry instanceof PublicLogEntry open) {
                return EncodedLeaf.of(index, entry, open.leafAt(accepted), Optional.empty());
            }
            SealedLogEntry sealed = (SealedLogEntry) entry;
            SealedEntry record = sealed.entryAt(accepted, membersByIdentity);
            byte[] salt = LeafCommitment.newSalt();
            ObjectNode json = record.toJson();
            byte[] commitment = LeafCommitment.of(salt, json);
            Audience audience = record.audience();
            SealedLeaf leaf = new SealedLeaf(commitment, AudienceTags.of(commitment,
                    AudienceTags.keysFor(audience, sealed.audience().publisherId(), keys)));
            return EncodedLeaf.of(index, entry, leaf,
                    Optional.of(new EncodedLeaf.Opening(salt, EncodedLeaf.canonical(json))));
        }
    }
}

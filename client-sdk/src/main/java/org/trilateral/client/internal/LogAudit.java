package org.trilateral.client.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.trilateral.client.AuditReport;
import org.trilateral.client.DeliveredObjects;
import org.trilateral.client.LogVerificationException;
import org.trilateral.client.VerificationFailure;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.log.AudienceKeyRing;
import org.trilateral.integrity.log.ExpiryRecord;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.SealedLeaf;
import org.trilateral.integrity.log.TombstoneRecord;
import org.trilateral.integrity.tiles.TiledTree;
import tools.jackson.databind.JsonNode;

/**
 * A member's audit of a range of the log (docs/integrity.md, "Omission and staleness"). Every sealed leaf carries
 * audience tags; the member's key ring recognises those addressed to it. For each such leaf the exchange must give an
 * opening (else {@code WITHHELD}); each opened object version that is the latest of its chain in the range, not
 * tombstoned and not expired (an expiry leaf names it) must have been delivered (else {@code WITHHELD}); and no delivered object may be a version the range shows
 * superseded or deleted (else {@code STALE}).
 */
public final class LogAudit {

    private final LogReader reader;
    private final LogFollower follower;
    private final AudienceKeyRing ring;

    public LogAudit(LogReader reader, LogFollower follower, AudienceKeyRing ring) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.follower = Objects.requireNonNull(follower, "follower");
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** A chain of versions: one object of one publisher in one collection. */
    private record Chain(String collection, String id, String publisher) {
    }

    private record Version(long index, String version, String digest) {
    }

    public AuditReport run(Checkpoint checkpoint, TiledTree tree, long from, long to, DeliveredObjects delivered) {
        List<byte[]> candidates = ring.candidateKeys();
        Map<Long, SealedLeaf> addressed = new HashMap<>();
        follower.read(checkpoint, tree, from, to, (index, leaf, text) -> {
            if (leaf instanceof SealedLeaf sealed && AudienceKeyRing.addressedTo(sealed, candidates)) {
                addressed.put(index, sealed);
            }
        });
        List<AuditReport.Finding> findings = new ArrayList<>();
        Map<Chain, List<Version>> versions = new HashMap<>();
        Map<Chain, Set<String>> deleted = new HashMap<>();
        Map<Chain, Set<String>> expired = new HashMap<>();
        Set<Long> opened = new HashSet<>();
        for (JsonNode served : reader.openingsBetween(from, to)) {
            LeafOpening opening;
            SealedEntry entry;
            try {
                opening = LeafOpening.parse(served);
                entry = opening.openedEntry();
            } catch (LeafFormatException e) {
                if (served.has("legacy_leaf")) {
                    continue;
                }
                findings.add(new AuditReport.Finding(VerificationFailure.LEAF_MISMATCH, served.path("log_index").asLong(-1),
                        "the exchange's opening does not open its leaf: " + e.getMessage()));
                continue;
            }
            SealedLeaf inLog = addressed.get(opening.logIndex());
            if (inLog != null && !inLog.equals(opening.leaf())) {
                findings.add(new AuditReport.Finding(VerificationFailure.LEAF_MISMATCH, opening.logIndex(),
                        "the opening of leaf " + opening.logIndex() + " is for another leaf than the log holds there"));
                continue;
            }
            opened.add(opening.logIndex());
            Chain chain = new Chain(entry.collection(), entry.id(), entry.publisher());
            if (entry instanceof ObjectVersionRecord record) {
                versions.computeIfAbsent(chain, c -> new ArrayList<>())
                        .add(new Version(opening.logIndex(), record.version(), record.objectSha256()));
            } else if (entry instanceof TombstoneRecord tombstone) {
                deleted.computeIfAbsent(chain, c -> new HashSet<>()).add(tombstone.version());
            } else if (entry instanceof ExpiryRecord expiry) {
                expired.computeIfAbsent(chain, c -> new HashSet<>()).add(expiry.version());
            }
        }
        for (long index : addressed.keySet().stream().sorted().toList()) {
            if (!opened.contains(index)) {
                findings.add(new AuditReport.Finding(VerificationFailure.WITHHELD, index, "leaf " + index
                        + " is addressed to " + ring.memberId() + " but the exchange gives no opening of it"));
            }
        }
        Map<String, String> staleByDigest = new HashMap<>();
        versions.forEach((chain, list) -> {
            Set<String> gone = deleted.getOrDefault(chain, Set.of());
            Version latest = list.stream().filter(v -> !gone.contains(v.version()))
                    .max((a, b) -> a.version().compareTo(b.version()) != 0 ? a.version().compareTo(b.version())
                            : Long.compare(a.index(), b.index())).orElse(null);
            for (Version version : list) {
                if (gone.contains(version.version())) {
                    staleByDigest.put(chain.id() + "|" + version.digest(), "version " + version.version() + " of "
                            + chain.id() + " (leaf " + version.index() + ") is deleted in the log");
                } else if (version != latest) {
                    staleByDigest.put(chain.id() + "|" + version.digest(), "version " + version.version() + " of "
                            + chain.id() + " (leaf " + version.index() + ") is superseded by version " + latest.version()
                            + " (leaf " + latest.index() + ")");
                }
            }
            // An expired latest version is left out of default feeds (STIX 2.1 §4.7): not delivering it withholds nothing.
            boolean expiredLatest = latest != null && expired.getOrDefault(chain, Set.of()).contains(latest.version());
            if (latest != null && !expiredLatest && !delivered.contains(chain.id(), latest.digest())) {
                findings.add(new AuditReport.Finding(VerificationFailure.WITHHELD, latest.index(), "version "
                        + latest.version() + " of " + chain.id() + " in collection " + chain.collection() + " (leaf "
                        + latest.index() + ") is readable by " + ring.memberId() + " but was not delivered"));
            }
        });
        for (String[] object : delivered.all()) {
            String stale = staleByDigest.get(object[0] + "|" + object[1]);
            if (stale != null) {
                findings.add(new AuditReport.Finding(VerificationFailure.STALE, -1, "delivered as current, but " + stale));
            }
        }
        return new AuditReport(from, to, addressed.size(), opened.size(), findings);
    }

    static LogVerificationException unavailable(String message) {
        return new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, message, null);
    }
}

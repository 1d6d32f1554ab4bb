package org.trilateral.exchange.object;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * Which objects of an envelope are new versions, already stored, conflicting or another member's, decided against
 * what is stored (TAXII 2.1 §3.5.1: a version is the object's {@code modified}, else {@code created}; STIX 2.1 §3.6:
 * only an object's creator may version it). Objects without a version (most SCOs) are told apart by content. Pure:
 * the store reads what is stored, this decides, the store writes what it says.
 *
 * @param added   the versions to insert, in envelope order
 * @param decided the outcomes of the other objects
 */
record VersionPlan(List<IncomingObject> added, List<StoreOutcome> decided, Set<String> storedIds) {

    private static final HexFormat HEX = HexFormat.of();

    VersionPlan {
        added = List.copyOf(added);
        decided = List.copyOf(decided);
        storedIds = Set.copyOf(storedIds);
    }

    /**
     * One stored version of an object named by the envelope.
     *
     * @param collectionId the collection it is stored in
     * @param sha          lower-case hex SHA-256 of its canonical form
     * @param publisher    the member that published it; null for versions stored before publishers were recorded
     * @param readable     whether the publishing member of the envelope may read it (docs/access-rules.md)
     */
    record Stored(String collectionId, String id, Instant version, boolean versioned, String sha, MemberId publisher,
                  boolean readable) {
    }

    /**
     * The plan for {@code objects}, all of one publisher, into {@code collectionId}, given every stored version of
     * the ids they name in any collection. A versioned object whose id another member uses in a version this publisher
     * may read is that member's: refused. Otherwise it is planned against the publisher's own chain in the collection
     * only, so nothing the publisher may not read changes the answer; objects without versions (SCOs) are facts,
     * never refused as another's.
     */
    static VersionPlan of(List<IncomingObject> objects, Map<String, List<Stored>> stored, String collectionId) {
        Map<String, String> shaByVersion = new HashMap<>();
        Map<String, Set<String>> unversionedShas = new HashMap<>();
        Set<String> ownedByAnother = new HashSet<>();
        Set<String> storedIds = new HashSet<>();
        MemberId publisher = objects.isEmpty() ? null : objects.get(0).publisherId();
        stored.values().forEach(list -> list.forEach(e -> {
            boolean mine = e.publisher() == null || e.publisher().equals(publisher);
            if (!mine && e.readable()) {
                ownedByAnother.add(e.id());
            }
            if (!mine || !e.collectionId().equals(collectionId)) {
                return;
            }
            storedIds.add(e.id());
            if (e.versioned()) {
                shaByVersion.put(e.id() + "|" + e.version(), e.sha());
            } else {
                unversionedShas.computeIfAbsent(e.id(), k -> new HashSet<>()).add(e.sha());
            }
        }));
        List<IncomingObject> added = new ArrayList<>();
        List<StoreOutcome> decided = new ArrayList<>();
        for (IncomingObject object : objects) {
            if (object.versioned() && ownedByAnother.contains(object.id())) {
                decided.add(new StoreOutcome(object, StoreOutcome.Kind.OTHER_PUBLISHER, object.versionText(), null));
                continue;
            }
            String sha = HEX.formatHex(object.sha256());
            if (object.versioned()) {
                String key = object.id() + "|" + object.version();
                String storedSha = shaByVersion.get(key);
                if (storedSha == null) {
                    shaByVersion.put(key, sha);
                    added.add(object);
                } else {
                    decided.add(new StoreOutcome(object, storedSha.equals(sha)
                            ? StoreOutcome.Kind.ALREADY_STORED : StoreOutcome.Kind.CONFLICT, object.versionText(), null));
                }
            } else {
                Set<String> shas = unversionedShas.computeIfAbsent(object.id(), k -> new LinkedHashSet<>());
                if (shas.add(sha)) {
                    added.add(object);
                } else {
                    decided.add(new StoreOutcome(object, StoreOutcome.Kind.ALREADY_STORED, null, null));
                }
            }
        }
        return new VersionPlan(added, decided, storedIds);
    }

    /**
     * Ids whose first and last versions may have changed: those already stored, and those added more than once by
     * this envelope. A new id added once is its own first and last version, which is how rows are inserted.
     */
    List<String> idsWithSeveralVersions() {
        Map<String, Integer> counts = new HashMap<>();
        added.forEach(o -> counts.merge(o.id(), 1, Integer::sum));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1 || storedIds.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Every object's outcome in envelope order, once the added versions have their {@code date_added}; a version
     * without its own version timestamp is known by its {@code date_added}.
     */
    List<StoreOutcome> outcomes(List<Instant> dateAdded) {
        List<StoreOutcome> all = new ArrayList<>(decided);
        for (int i = 0; i < added.size(); i++) {
            IncomingObject object = added.get(i);
            String versionText = object.versioned() ? object.versionText() : StixTimestamp.formatMicros(dateAdded.get(i));
            all.add(new StoreOutcome(object, StoreOutcome.Kind.ADDED, versionText, dateAdded.get(i)));
        }
        all.sort((a, b) -> Integer.compare(a.object().index(), b.object().index()));
        return all;
    }
}

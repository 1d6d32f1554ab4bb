package org.trilateral.exchange.ledger;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.trilateral.integrity.log.AudienceKeys;
import org.trilateral.integrity.merkle.MerkleHash;
import reactor.core.publisher.Mono;

/**
 * What members read of the log beyond checkpoints and proofs (docs/transparency-log.md, "Endpoints"): leaves, the
 * openings of sealed leaves through the read gate the caller's read rule gives, C2SP tlog-tiles hash tiles and entry
 * bundles, and the audience keys. Answers for a caller who may not read an object are those for one that does not
 * exist.
 */
@Component
public class LogReads {

    private final LogStore store;
    private final AudienceSecret audience;

    LogReads(LogStore store, AudienceSecret audience) {
        this.store = store;
        this.audience = audience;
    }

    /**
     * The leaf at {@code index}, or empty when the log has no such leaf. Its text is absent for a version 1 leaf about
     * an object the gate does not let read (its hash, like every leaf hash, is public).
     */
    public Mono<ServedLeaf> leaf(long index, ReadGate gate) {
        return store.leaf(index, gate).map(leaf -> new ServedLeaf(leaf.index(), Optional.ofNullable(leaf.json()), leaf.hash()));
    }

    /** A leaf as served: its text when the caller may see it, and its hash. */
    public record ServedLeaf(long index, Optional<String> text, byte[] hash) {

        public ServedLeaf {
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }

    /**
     * The index of the latest leaf of an object version the gate lets read, optionally in one collection; empty for
     * a version the caller may not read exactly as for one that does not exist.
     */
    public Mono<Long> indexOf(String id, String modified, Optional<String> collectionId, ReadGate gate) {
        return store.objectVersionIndex(id, modified, collectionId, gate);
    }

    /** The opening of the sealed leaf at {@code index}, when the gate lets read its object (JSON text). */
    public Mono<String> openingAt(long index, ReadGate gate) {
        return store.openingAt(index, gate).map(LogReads::openingText);
    }

    /**
     * The openings the gate lets read of leaves in {@code [from, to)}, at most {@code limit} (JSON texts), and the
     * index to continue from when the range has more.
     */
    public Mono<OpeningsPage> openingsBetween(long from, long to, int limit, ReadGate gate) {
        return store.openingsBetween(from, to, limit + 1, gate).collectList().map(rows -> {
            boolean more = rows.size() > limit;
            List<LogStore.StoredOpening> page = more ? rows.subList(0, limit) : rows;
            OptionalLong next = more ? OptionalLong.of(page.get(page.size() - 1).index() + 1) : OptionalLong.empty();
            return new OpeningsPage(page.stream().map(LogReads::openingText).toList(), next);
        });
    }

    /** A page of openings (JSON texts) and where the next page starts. */
    public record OpeningsPage(List<String> openings, OptionalLong next) {
    }

    /** The openings the gate lets read of object versions named by id and content SHA-256 (lowercase hex). */
    public Mono<List<String>> openingsOf(List<String> ids, List<String> sha256s, ReadGate gate) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return store.openingsOf(ids, sha256s, gate).map(LogReads::openingText).collectList();
    }

    /**
     * A C2SP tlog-tiles hash tile of the current tree: the {@code width} hashes of level {@code level} tile
     * {@code index}, concatenated; empty when the tree does not (yet) have them.
     */
    public Mono<byte[]> tile(int level, long index, int width) {
        return store.state().map(LogStore.State::size).flatMap(size -> {
            long available = level >= 8 ? 0 : size >>> (8 * level);
            long start = index * 256;
            if (start + width > available) {
                return Mono.empty();
            }
            return store.subtreeRow(8 * level, start, width).collectList().flatMap(hashes -> {
                if (hashes.size() != width) {
                    return Mono.error(new IllegalStateException("log_subtree lacks hashes of tile " + level + "/" + index));
                }
                byte[] tile = new byte[width * MerkleHash.SIZE];
                for (int i = 0; i < width; i++) {
                    System.arraycopy(hashes.get(i), 0, tile, i * MerkleHash.SIZE, MerkleHash.SIZE);
                }
                return Mono.just(tile);
            });
        });
    }

    /**
     * A C2SP tlog-tiles entry bundle: the texts of leaves {@code [index * 256, index * 256 + width)}, each after a
     * big-endian uint16 length; a version 1 leaf about an object is an empty entry. Empty when the tree does not
     * (yet) have them.
     */
    public Mono<byte[]> entryBundle(long index, int width) {
        return store.state().map(LogStore.State::size).flatMap(size -> {
            long start = index * 256;
            if (start + width > size) {
                return Mono.empty();
            }
            return store.bundleTexts(start, width).collectList().map(texts -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (String text : texts) {
                    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (bytes.length > 0xFFFF) {
                        throw new IllegalStateException("a leaf of " + bytes.length + " bytes does not fit an entry bundle");
                    }
                    out.write(bytes.length >>> 8);
                    out.write(bytes.length & 0xFF);
                    out.writeBytes(bytes);
                }
                return out.toByteArray();
            });
        });
    }

    /** The audience keys the exchange derives from its secret. */
    public Mono<AudienceKeys> audienceKeys() {
        return audience.keys();
    }

    private static String openingText(LogStore.StoredOpening opening) {
        return openingText(opening.index(), opening.leaf(), opening.entry(), opening.salt());
    }

    /**
     * The opening of a sealed leaf as {@code /log/openings} serves it, from the columns of {@code log_leaf} (a version 1
     * leaf has no entry and no salt): for readers that select the leaves themselves, through the same read gate.
     */
    public static String openingText(long index, String leaf, String entry, byte[] salt) {
        if (salt == null) {
            return "{\"log_index\":" + index + ",\"legacy_leaf\":" + leaf + "}";
        }
        return "{\"log_index\":" + index + ",\"leaf\":" + leaf + ",\"entry\":" + entry
                + ",\"salt\":\"" + Base64.getEncoder().encodeToString(salt) + "\"}";
    }

}

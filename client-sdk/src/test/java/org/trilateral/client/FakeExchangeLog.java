package org.trilateral.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.trilateral.integrity.checkpoint.Checkpoint;
import org.trilateral.integrity.checkpoint.Cosigner;
import org.trilateral.integrity.checkpoint.NoteSigner;
import org.trilateral.integrity.checkpoint.SignedNote;
import org.trilateral.integrity.jcs.JsonCanonicalizer;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.integrity.log.Audience;
import org.trilateral.integrity.log.AudienceKeys;
import org.trilateral.integrity.log.AudienceTags;
import org.trilateral.integrity.log.ExpiryRecord;
import org.trilateral.integrity.log.KeyEventLeaf;
import org.trilateral.integrity.log.KeyProof;
import org.trilateral.integrity.log.KeyStatement;
import org.trilateral.integrity.log.LeafCommitment;
import org.trilateral.integrity.log.LeafOpening;
import org.trilateral.integrity.log.LogLeaf;
import org.trilateral.integrity.log.ObjectVersionRecord;
import org.trilateral.integrity.log.SealedEntry;
import org.trilateral.integrity.log.TombstoneRecord;
import org.trilateral.integrity.merkle.CompactRange;
import org.trilateral.integrity.merkle.MerkleHash;
import org.trilateral.integrity.merkle.MerkleProofs;
import org.trilateral.integrity.merkle.SubtreeHash;
import org.trilateral.integrity.merkle.SubtreeHashes;
import org.trilateral.integrity.tiles.TilePath;
import org.trilateral.taxonomy.signature.ObjectSigner;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test double of the exchange's transparency log, served over real HTTP: honest by default, with the leaf format,
 * openings, audience tags, tiles and witness cosignatures of docs/transparency-log.md, and with the means to misbehave
 * as a compromised hub would (register keys without the member's proof, backdate, withhold, fork, show each client its
 * own view). The caller's bearer token is its member id.
 */
final class FakeExchangeLog implements AutoCloseable {

    static final String ORIGIN = "exchange.example/log";

    /** One version of the log: its leaves, their openings and their readers. */
    static final class Tree {
        final List<String> leaves = new ArrayList<>();
        final Map<Long, LeafOpening> openings = new HashMap<>();
        final Map<Long, Set<String>> readers = new HashMap<>();

        Tree copy() {
            Tree copy = new Tree();
            copy.leaves.addAll(leaves);
            copy.openings.putAll(openings);
            readers.forEach((k, v) -> copy.readers.put(k, Set.copyOf(v)));
            return copy;
        }

        long size() {
            return leaves.size();
        }

        SubtreeHashes hashes() {
            Map<String, byte[]> all = new HashMap<>();
            CompactRange range = CompactRange.empty();
            for (String leaf : leaves) {
                for (SubtreeHash subtree : range.append(MerkleHash.leaf(leaf.getBytes(StandardCharsets.UTF_8)))) {
                    all.put(subtree.level() + "/" + subtree.index(), subtree.hash());
                }
            }
            return (level, index) -> all.get(level + "/" + index);
        }
    }

    final NoteSigner logKey = NoteSigner.generate(ORIGIN);
    final AudienceKeys audienceKeys = new AudienceKeys(LeafCommitment.newSalt());
    final Map<String, Set<String>> groups = new HashMap<>();
    final Map<String, String> identities = new HashMap<>();
    final List<Cosigner> witnesses = new ArrayList<>();
    /** Checkpoints each witness cosigned last (size), as an honest witness remembers them. */
    private final Map<String, Checkpoint> witnessed = new HashMap<>();
    Tree tree = new Tree();
    /** A private branch shown to some callers instead of {@link #tree}. */
    Tree branch;
    BiPredicate<String, Long> withholdOpening = (member, index) -> false;
    /** Leaves whose text entry bundles serve altered (the tiles still hash the true leaves), by index. */
    final Map<Long, String> alteredEntries = new HashMap<>();
    /** The paths under /log/ requested, in order. */
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    FakeExchangeLog() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/log/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    void member(String id, String identity, Set<String> memberGroups) {
        identities.put(id, identity);
        groups.put(id, memberGroups);
    }

    /** Shows {@code branch} to callers whose member id is in {@code victims}. */
    Set<String> victims = Set.of();

    // ---- appending, honestly or not

    long append(LogLeaf leaf) {
        tree.leaves.add(leaf.text());
        return tree.size() - 1;
    }

    /** A registration carrying the member's proof signed by {@code root} (its first key) and possession by {@code key}. */
    long registerWithRoot(String member, SigningKey key, SigningKey root) {
        KeyStatement statement = statement(member, key);
        return append(registration(member, key, Optional.of(KeyProof.byMemberRoot(statement, key, root)), "member"));
    }

    long registerRotation(String member, SigningKey key, SigningKey previous) {
        KeyStatement statement = statement(member, key);
        return append(registration(member, key, Optional.of(KeyProof.byPreviousKey(statement, key, previous)), "member"));
    }

    /** What a compromised admin does: a key in the member's name with no proof by the member. */
    long registerByAdmin(String member, SigningKey key) {
        return append(registration(member, key, Optional.empty(), "admin"));
    }

    long revoke(String member, SigningKey key) {
        return append(new KeyEventLeaf(KeyEventLeaf.Event.REVOCATION, member, identities.get(member), key.kid(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("compromised"), Optional.empty(),
                member, "member", Optional.empty(), "2026-11-30T00:00:00Z"));
    }

    KeyStatement statement(String member, SigningKey key) {
        return new KeyStatement(ORIGIN, member, identities.get(member), key.publicKey(), "2026-01-01T00:00:00Z",
                Optional.empty());
    }

    private KeyEventLeaf registration(String member, SigningKey key, Optional<KeyProof> proof, String role) {
        return new KeyEventLeaf(KeyEventLeaf.Event.REGISTRATION, member, identities.get(member), key.kid(),
                Optional.of(key.publicKey()), Optional.of("2026-01-01T00:00:00Z"), Optional.empty(), Optional.empty(),
                proof, role.equals("admin") ? "us-admin" : member, role, Optional.empty(), "2026-11-30T00:00:00Z");
    }

    /** Signs {@code object} with {@code key} (as the publisher's system does). */
    static ObjectNode sign(ObjectNode object, SigningKey key) {
        return new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(object);
    }

    /** Logs {@code object} as accepted in {@code collection}, sealed for {@code audience}. */
    long publish(String publisher, JsonNode object, String collection, Audience audience, String accepted) {
        String version = object.has("modified") ? object.get("modified").asString() : "2026-11-30T00:00:00.000001Z";
        Optional<String> kid = Optional.empty();
        Optional<String> signature = Optional.empty();
        JsonNode first = object.path("extensions").path(ExchangeExtensions.OBJECT_SIGNATURE_ID).path("signatures").path(0);
        if (first.isObject()) {
            String header = first.get("protected").asString();
            signature = Optional.of(header + ".." + first.get("signature").asString());
            kid = org.trilateral.integrity.jws.DetachedJws.kidOf(signature.get());
        }
        ObjectVersionRecord record = new ObjectVersionRecord(collection, object.get("id").asString(), version,
                sha256(object), publisher, identities.get(publisher), kid, signature, audience, accepted);
        return seal(record);
    }

    long tombstone(ObjectVersionRecord deleted, String by) {
        return seal(new TombstoneRecord(deleted.collection(), deleted.id(), deleted.version(), deleted.objectSha256(),
                deleted.publisher(), by, deleted.audience(), "2026-11-30T00:00:09Z"));
    }

    long expiry(ObjectVersionRecord expired, String validUntil) {
        return seal(new ExpiryRecord(expired.collection(), expired.id(), expired.version(), expired.objectSha256(),
                expired.publisher(), validUntil, expired.audience(), "2026-11-30T00:00:09Z"));
    }

    private long seal(SealedEntry entry) {
        long index = tree.size();
        byte[] salt = LeafCommitment.newSalt();
        byte[] commitment = LeafCommitment.of(salt, entry.toJson());
        LeafOpening opening = LeafOpening.seal(index, entry, salt, AudienceTags.of(commitment,
                AudienceTags.keysFor(entry.audience(), entry.publisher(), audienceKeys)));
        tree.leaves.add(opening.leaf().text());
        tree.openings.put(index, opening);
        Set<String> readers = new java.util.HashSet<>();
        groups.forEach((member, memberGroups) -> {
            if (entry.audience().readableBy(member, memberGroups, entry.publisher())) {
                readers.add(member);
            }
        });
        tree.readers.put(index, readers);
        return index;
    }

    ObjectVersionRecord record(long index) {
        return (ObjectVersionRecord) tree.openings.get(index).openedEntry();
    }

    static String sha256(JsonNode object) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(JsonCanonicalizer.canonicalize(object)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- checkpoints

    /** The signed checkpoint of {@code view}, cosigned by every witness that can check it extends what it saw. */
    String checkpoint(Tree view) {
        byte[] root = MerkleProofs.root(view.size(), view.hashes());
        SignedNote note = new Checkpoint(ORIGIN, view.size(), root).sign(logKey);
        List<org.trilateral.integrity.checkpoint.NoteSignature> cosignatures = new ArrayList<>();
        Checkpoint presented = Checkpoint.parse(note.text());
        for (Cosigner witness : witnesses) {
            Checkpoint seen = witnessed.get(witness.key().name());
            boolean consistent = seen == null || seen.size() == 0;
            if (!consistent && seen.size() <= presented.size()) {
                try {
                    MerkleProofs.consistency(seen.size(), presented.size(), view.hashes())
                            .verify(seen.rootHash(), presented.rootHash());
                    consistent = true;
                } catch (RuntimeException e) {
                    consistent = false;
                }
            }
            if (consistent) {
                witnessed.put(witness.key().name(), presented);
                cosignatures.add(witness.cosign(note.text(), 1_780_000_000L));
            }
        }
        return note.withSignatures(cosignatures).format();
    }

    // ---- HTTP

    private Tree viewOf(String member) {
        return branch != null && victims.contains(member) ? branch : tree;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String member = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .map(h -> h.replace("Bearer ", "")).orElse("");
        Tree view = viewOf(member);
        String path = exchange.getRequestURI().getPath().substring("/log/".length());
        requests.add(path);
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        try {
            if (path.equals("checkpoint")) {
                respond(exchange, 200, checkpoint(view).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("key")) {
                respond(exchange, 200, (logKey.verifierKey().format() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("tile/")) {
                TilePath tile = TilePath.parse(path);
                respond(exchange, 200, tile.level() == TilePath.ENTRIES ? bundle(view, tile) : tile(view, tile));
            } else if (path.equals("openings") && exchange.getRequestMethod().equals("POST")) {
                JsonNode body = StrictJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
                ArrayNode openings = StrictJson.mapper().createArrayNode();
                for (JsonNode wanted : body.path("objects")) {
                    view.openings.forEach((index, opening) -> {
                        JsonNode entry = opening.entry();
                        if (entry.path("kind").asString().equals("object-version")
                                && entry.path("id").asString().equals(wanted.path("id").asString())
                                && entry.path("object_sha256").asString().equals(wanted.path("object_sha256").asString())
                                && readable(view, member, index)) {
                            openings.add(opening.toJson());
                        }
                    });
                }
                respondJson(exchange, StrictJson.mapper().createObjectNode().set("openings", openings));
            } else if (path.equals("openings")) {
                Map<String, String> parameters = parameters(query);
                long from = Long.parseLong(parameters.get("from"));
                long to = Math.min(Long.parseLong(parameters.get("to")), view.size());
                ArrayNode openings = StrictJson.mapper().createArrayNode();
                for (long index = from; index < to; index++) {
                    if (view.openings.containsKey(index) && readable(view, member, index)) {
                        openings.add(view.openings.get(index).toJson());
                    }
                }
                respondJson(exchange, StrictJson.mapper().createObjectNode().set("openings", openings));
            } else if (path.equals("audience-keys")) {
                respondJson(exchange, audienceKeys.ringOf(member, groups.getOrDefault(member, Set.of())).toJson());
            } else {
                respond(exchange, 404, "{\"title\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, ("{\"detail\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean readable(Tree view, String member, long index) {
        return view.readers.getOrDefault(index, Set.of()).contains(member) && !withholdOpening.test(member, index);
    }

    private static byte[] tile(Tree view, TilePath tile) {
        SubtreeHashes hashes = view.hashes();
        ByteBuffer bytes = ByteBuffer.allocate(tile.width() * 32);
        for (int i = 0; i < tile.width(); i++) {
            bytes.put(hashes.hash(8 * tile.level(), tile.index() * 256 + i));
        }
        return bytes.array();
    }

    private byte[] bundle(Tree view, TilePath tile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tile.width(); i++) {
            long index = tile.index() * 256 + i;
            byte[] leaf = alteredEntries.getOrDefault(index, view.leaves.get((int) index)).getBytes(StandardCharsets.UTF_8);
            out.write(leaf.length >> 8);
            out.write(leaf.length & 0xFF);
            out.writeBytes(leaf);
        }
        return out.toByteArray();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }

    private static void respondJson(HttpExchange exchange, JsonNode body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, StrictJson.mapper().writeValueAsBytes(body));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

package org.trilateral.exchange.transparency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.ledger.LedgerProperties;
import org.trilateral.exchange.ledger.LogReads;
import org.trilateral.exchange.ledger.LogWitness;
import org.trilateral.exchange.ledger.ReadGate;
import org.trilateral.exchange.ledger.TransparencyLog;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.PathMember;
import org.trilateral.integrity.tiles.TilePath;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The log's endpoints (docs/transparency-log.md, "Endpoints"): checkpoints, tiles and entry bundles, leaves and
 * proofs are public among members; openings and proofs by object id go only to the object's readers, through the
 * same read rule as TAXII (access package), and answer anyone else exactly as for an object that does not exist.
 * Hashes are standard base64, as in checkpoints.
 */
@Component
class LogHandler {

    static final MediaType NOTE = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final TransparencyLog log;
    private final LogReads reads;
    private final LedgerProperties properties;
    private final CosignedCheckpoints checkpoints;

    LogHandler(TransparencyLog log, LogReads reads, LedgerProperties properties, CosignedCheckpoints checkpoints) {
        this.log = log;
        this.reads = reads;
        this.properties = properties;
        this.checkpoints = checkpoints;
    }

    Mono<ServerResponse> checkpoint(ServerRequest request) {
        return checkpoints.served().flatMap(note -> ServerResponse.ok().contentType(NOTE)
                .cacheControl(CacheControl.noCache()).bodyValue(note));
    }

    Mono<ServerResponse> key(ServerRequest request) {
        return log.verifierKey().flatMap(vkey -> ServerResponse.ok().contentType(NOTE).bodyValue(vkey + "\n"));
    }

    Mono<ServerResponse> witnesses(ServerRequest request) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LogWitness witness : properties.witnesses()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", witness.name());
            entry.put("key", witness.key());
            entry.put("url", witness.url() == null ? null : witness.url().toString());
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("witnesses", list);
        body.put("quorum", properties.witnessQuorum());
        return json(body);
    }

    Mono<ServerResponse> tile(ServerRequest request) {
        String path = request.path().substring("/log/".length());
        TilePath tile;
        try {
            tile = TilePath.parse(path);
        } catch (IllegalArgumentException e) {
            return Mono.error(Refusal.invalid(null, "\"" + path + "\" is not a C2SP tlog-tiles path: " + e.getMessage()));
        }
        Mono<byte[]> body = tile.level() == TilePath.ENTRIES ? reads.entryBundle(tile.index(), tile.width())
                : reads.tile(tile.level(), tile.index(), tile.width());
        return body.switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no " + path + " (yet)")))
                .flatMap(bytes -> ServerResponse.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                        .bodyValue(bytes));
    }

    Mono<ServerResponse> leaf(ServerRequest request) {
        long index = LogIndex.parse("index", request.pathVariable("index")).value();
        return gate(request).flatMap(gate -> reads.leaf(index, gate))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no leaf " + index)))
                .flatMap(leaf -> {
                    // The leaf's exact JCS text is embedded as is, so a client can hash what it received.
                    String body = "{\"log_index\":" + leaf.index()
                            + leaf.text().map(text -> ",\"leaf\":" + text).orElse("")
                            + ",\"leaf_hash\":\"" + BASE64.encodeToString(leaf.hash()) + "\"}";
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                });
    }

    Mono<ServerResponse> opening(ServerRequest request) {
        long index = LogIndex.parse("index", request.pathVariable("index")).value();
        return gate(request).flatMap(gate -> reads.openingAt(index, gate))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no opening you may read at that index")))
                .flatMap(text -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(text));
    }

    Mono<ServerResponse> openingsBetween(ServerRequest request) {
        LogIndex from = LogIndex.parse("from", request.queryParam("from").orElse(null));
        Optional<LogIndex> to = request.queryParam("to").map(t -> LogIndex.parse("to", t));
        return Mono.zip(gate(request), treeSize(to)).flatMap(at -> {
            long end = at.getT2();
            if (from.value() > end) {
                return Mono.error(Refusal.invalid("from", "from (" + from.value() + ") is larger than to (" + end + ")"));
            }
            return reads.openingsBetween(from.value(), end, properties.maxOpeningsPerPage(), at.getT1())
                    .flatMap(page -> {
                        String body = "{\"openings\":[" + String.join(",", page.openings()) + "]"
                                + (page.next().isPresent() ? ",\"next\":" + page.next().getAsLong() : "") + "}";
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    });
        });
    }

    Mono<ServerResponse> openingsOf(ServerRequest request) {
        return request.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> Refusal.invalid(null, "the body must be {\"objects\":[{\"id\","
                        + "\"object_sha256\"}]}")))
                .map(this::objects)
                .zipWith(gate(request))
                .flatMap(pair -> reads.openingsOf(pair.getT1().ids(), pair.getT1().sha256s(), pair.getT2()))
                .flatMap(openings -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"openings\":[" + String.join(",", openings) + "]}"));
    }

    Mono<ServerResponse> audienceKeys(ServerRequest request) {
        return PathMember.acting(request).zipWith(reads.audienceKeys())
                .flatMap(pair -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(StixJson.mapper().writeValueAsBytes(pair.getT2().ringOf(pair.getT1().id().value(),
                                SharingGroup.groupsOf(pair.getT1())).toJson())));
    }

    Mono<ServerResponse> inclusion(ServerRequest request) {
        Optional<String> indexText = request.queryParam("index");
        Optional<String> id = request.queryParam("id");
        Optional<String> modified = request.queryParam("modified");
        if (indexText.isPresent() == (id.isPresent() || modified.isPresent())) {
            return Mono.error(Refusal.invalid(null,
                    "give either index, or id and modified (optionally with collection), to name the leaf"));
        }
        if (indexText.isEmpty() && (id.isEmpty() || modified.isEmpty())) {
            return Mono.error(Refusal.invalid(null, "an object version is named by both id and modified"));
        }
        Mono<Long> index = indexText.isPresent()
                ? Mono.just(LogIndex.parse("index", indexText.get()).value())
                : gate(request).flatMap(gate -> reads.indexOf(id.get(), modified.get(), request.queryParam("collection"), gate))
                        .switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no leaf you may read for that"
                                + " object version")));
        Optional<LogIndex> requestedSize = request.queryParam("tree_size").map(t -> LogIndex.parse("tree_size", t));
        return Mono.zip(index, treeSize(requestedSize)).flatMap(at -> {
            long leafIndex = at.getT1();
            long treeSize = at.getT2();
            if (leafIndex >= treeSize) {
                return Mono.error(Refusal.invalid(null, "leaf " + leafIndex + " is not in the tree of size " + treeSize));
            }
            return log.inclusionProof(leafIndex, treeSize).flatMap(included -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("log_index", leafIndex);
                body.put("tree_size", treeSize);
                body.put("leaf_hash", BASE64.encodeToString(included.leafHash()));
                body.put("proof", encode(included.proof().path()));
                return json(body);
            });
        });
    }

    Mono<ServerResponse> consistency(ServerRequest request) {
        LogIndex from = LogIndex.parse("from", request.queryParam("from").orElse(null));
        Optional<LogIndex> to = request.queryParam("to").map(t -> LogIndex.parse("to", t));
        return treeSize(to).flatMap(toSize -> {
            if (from.value() > toSize) {
                return Mono.error(Refusal.invalid(null, "from (" + from.value() + ") is larger than to (" + toSize + ")"));
            }
            return log.consistencyProof(from.value(), toSize).flatMap(proof -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("from", from.value());
                body.put("to", toSize);
                body.put("proof", encode(proof.path()));
                return json(body);
            });
        });
    }

    /** The read rule for the calling member, as the log applies it. */
    private static Mono<ReadGate> gate(ServerRequest request) {
        return PathMember.acting(request).map(LogHandler::gateOf);
    }

    static ReadGate gateOf(Member member) {
        AudienceCondition condition = AudienceCondition.readableBy(Reader.of(member));
        return new ReadGate(condition.sql(), condition.binds());
    }

    private record NamedObjects(List<String> ids, List<String> sha256s) {
    }

    private NamedObjects objects(byte[] body) {
        JsonNode tree;
        try {
            tree = StixJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw Refusal.invalid(null, "the body is not JSON: it must be {\"objects\":[{\"id\",\"object_sha256\"}]}");
        }
        JsonNode objects = tree.path("objects");
        if (!objects.isArray()) {
            throw Refusal.invalid("objects", "\"objects\" must be an array of {\"id\",\"object_sha256\"}");
        }
        if (objects.size() > properties.maxObjectsPerOpenings()) {
            throw Refusal.invalid("objects", "at most " + properties.maxObjectsPerOpenings() + " objects per request"
                    + " (exchange.log.max-objects-per-openings), not " + objects.size());
        }
        List<String> ids = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            JsonNode id = object.get("id");
            JsonNode sha = object.get("object_sha256");
            if (id == null || !id.isString() || sha == null || !sha.isString()
                    || !sha.stringValue().matches("[0-9a-f]{64}")) {
                throw Refusal.invalid("objects/" + i, "each object is {\"id\": a STIX id, \"object_sha256\": 64"
                        + " lowercase hex digits}");
            }
            ids.add(id.stringValue());
            shas.add(sha.stringValue());
        }
        return new NamedObjects(ids, shas);
    }

    /** The requested tree size, which the log must have reached; the latest size when none is requested. */
    private Mono<Long> treeSize(Optional<LogIndex> requested) {
        return log.size().flatMap(size -> {
            if (requested.isEmpty()) {
                return Mono.just(size);
            }
            long wanted = requested.get().value();
            return wanted > size
                    ? Mono.error(Refusal.invalid(null, "tree size " + wanted + " is larger than the log (size " + size + ")"))
                    : Mono.just(wanted);
        });
    }

    private static List<String> encode(List<byte[]> path) {
        return path.stream().map(BASE64::encodeToString).toList();
    }

    private static Mono<ServerResponse> json(Map<String, Object> body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsBytes(body));
    }
}

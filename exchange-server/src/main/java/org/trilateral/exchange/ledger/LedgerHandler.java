package org.trilateral.exchange.ledger;

import java.nio.charset.StandardCharsets;
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
import org.trilateral.exchange.error.Refusal;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Mono;

/**
 * The log's read endpoints (docs/transparency-log.md): the latest checkpoint, the verifier key, a leaf, and
 * inclusion and consistency proofs. Hashes are standard base64, as in checkpoints.
 */
@Component
class LedgerHandler {

    static final MediaType NOTE = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final TransparencyLog log;

    LedgerHandler(TransparencyLog log) {
        this.log = log;
    }

    Mono<ServerResponse> checkpoint(ServerRequest request) {
        return log.latestCheckpoint().flatMap(note -> ServerResponse.ok().contentType(NOTE)
                .cacheControl(CacheControl.noCache()).bodyValue(note));
    }

    Mono<ServerResponse> key(ServerRequest request) {
        return log.verifierKey().flatMap(vkey -> ServerResponse.ok().contentType(NOTE).bodyValue(vkey + "\n"));
    }

    Mono<ServerResponse> leaf(ServerRequest request) {
        long index = LogIndex.parse("index", request.pathVariable("index")).value();
        return log.leaf(index)
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no leaf " + index)))
                .flatMap(leaf -> {
                    // The leaf's exact JCS text is embedded as is, so a client can hash what it received.
                    String body = "{\"log_index\":" + leaf.index() + ",\"leaf\":" + leaf.json()
                            + ",\"leaf_hash\":\"" + BASE64.encodeToString(leaf.hash()) + "\"}";
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                });
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
                : log.indexOf(id.get(), modified.get(), request.queryParam("collection"))
                        .switchIfEmpty(Mono.error(() -> Refusal.notFound("the log has no leaf for " + id.get()
                                + " modified " + modified.get())));
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

package org.trilateral.exchange.object;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.ledger.SignatureReference;
import org.trilateral.exchange.status.IngestStatus;
import org.trilateral.exchange.status.StatusDetail;
import org.trilateral.exchange.status.StatusStore;
import org.trilateral.taxonomy.extension.ExchangeExtensionValidator;
import org.trilateral.taxonomy.jcs.CanonicalizationException;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.stix.StixObjectValidator;
import org.trilateral.taxonomy.stix.StixTimestamp;
import org.trilateral.taxonomy.stix.StixViolation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Adds the objects of one envelope to a collection (TAXII 2.1 §5.5). Each object is validated (STIX 2.1, then
 * the exchange's own extensions: wallets, persona identifiers, facilitator infrastructure, signatures) and stored on
 * its own, so one bad object does not sink the envelope; the objects and the status resource that reports
 * them commit together, with the transparency-log leaves of the added versions (docs/transparency-log.md).
 */
@Component
public class ObjectIngest {

    private final ObjectStore store;
    private final StatusStore statuses;
    private final TransactionalOperator transaction;
    private final ObjectVersionLog versionLog;
    private final StixObjectValidator validator = new StixObjectValidator();
    private final ExchangeExtensionValidator extensionValidator = new ExchangeExtensionValidator();

    public ObjectIngest(ObjectStore store, StatusStore statuses, TransactionalOperator transaction,
                        ObjectVersionLog versionLog) {
        this.store = store;
        this.statuses = statuses;
        this.transaction = transaction;
        this.versionLog = versionLog;
    }

    /**
     * Adds objects the exchange itself publishes (its reference data), bypassing the HTTP edge but not validation.
     */
    public Mono<IngestStatus> ingestOwn(TaxiiCollection collection, List<? extends JsonNode> objects) {
        List<ReceivedObject> received = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            received.add(new ReceivedObject(i, objects.get(i), StixJson.mapper().writeValueAsString(objects.get(i))));
        }
        return ingest(collection, received);
    }

    Mono<IngestStatus> ingest(TaxiiCollection collection, List<ReceivedObject> received) {
        Instant requested = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Mono.fromCallable(() -> prepare(received))
                .subscribeOn(Schedulers.parallel())
                .flatMap(prepared -> store.store(collection.id(), prepared.accepted())
                        .flatMap(outcomes -> versionLog.record(collection.id(), outcomes, prepared.signatures())
                                .flatMap(logIndexes -> statuses.save(
                                        status(collection, requested, prepared.refused(), outcomes, logIndexes))))
                        .as(transaction::transactional));
    }

    private Prepared prepare(List<ReceivedObject> received) {
        List<IncomingObject> accepted = new ArrayList<>(received.size());
        List<Refusal> refused = new ArrayList<>();
        Map<Integer, SignatureReference> signatures = new HashMap<>();
        for (ReceivedObject object : received) {
            JsonNode tree = object.tree();
            List<StixViolation> violations = new ArrayList<>(validator.validate(tree));
            if (violations.isEmpty()) {
                violations.addAll(extensionValidator.validate(tree));
            }
            if (!violations.isEmpty()) {
                refused.add(new Refusal(object.index(), label(object), versionOf(tree),
                        violations.stream().map(StixViolation::toString).collect(Collectors.joining("; "))));
                continue;
            }
            String version = versionOf(tree);
            byte[] digest;
            try {
                digest = ContentDigest.of(tree);
            } catch (CanonicalizationException e) {
                refused.add(new Refusal(object.index(), label(object), version,
                        "cannot be canonicalised (RFC 8785, I-JSON): " + e.getMessage()));
                continue;
            }
            SignatureReference.of(tree).ifPresent(signature -> signatures.put(object.index(), signature));
            accepted.add(new IncomingObject(object.index(), tree.get("id").stringValue(), tree.get("type").stringValue(),
                    tree.path("spec_version").asString("2.1"),
                    version == null ? null : StixTimestamp.parse(version), version, digest, object.json()));
        }
        return new Prepared(accepted, refused, signatures);
    }

    /** TAXII 2.1 §3.5.1: an object's version is its {@code modified}, else its {@code created}. */
    private static String versionOf(JsonNode tree) {
        if (!tree.isObject()) {
            return null;
        }
        JsonNode modified = tree.get("modified");
        if (modified != null && modified.isString()) {
            return modified.stringValue();
        }
        JsonNode created = tree.get("created");
        return created != null && created.isString() ? created.stringValue() : null;
    }

    private static String label(ReceivedObject object) {
        JsonNode id = object.tree().isObject() ? object.tree().get("id") : null;
        return id != null && id.isString() ? id.stringValue() : "objects[" + object.index() + "]";
    }

    private static IngestStatus status(TaxiiCollection collection, Instant requested, List<Refusal> refused,
                                       List<StoreOutcome> outcomes, Map<Integer, Long> logIndexes) {
        List<Entry> entries = new ArrayList<>();
        for (Refusal refusal : refused) {
            entries.add(new Entry(refusal.index(), false, new StatusDetail(refusal.id(), refusal.version(), refusal.message())));
        }
        for (StoreOutcome outcome : outcomes) {
            IncomingObject object = outcome.object();
            StatusDetail detail = switch (outcome.kind()) {
                case ADDED -> new StatusDetail(object.id(), outcome.versionText(), null, logIndexes.get(object.index()));
                case ALREADY_STORED -> new StatusDetail(object.id(), outcome.versionText(),
                        "this version was already stored; nothing changed", logIndexes.get(object.index()));
                case CONFLICT -> new StatusDetail(object.id(), outcome.versionText(),
                        "a different object with this id and version is already stored; publish a new version (a later modified) instead");
            };
            entries.add(new Entry(object.index(), outcome.kind() != StoreOutcome.Kind.CONFLICT, detail));
        }
        entries.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<StatusDetail> successes = entries.stream().filter(Entry::success).map(Entry::detail).toList();
        List<StatusDetail> failures = entries.stream().filter(e -> !e.success()).map(Entry::detail).toList();
        return new IngestStatus(UUID.randomUUID(), collection.id(), requested, successes, failures, List.of());
    }

    private record Prepared(List<IncomingObject> accepted, List<Refusal> refused,
                            Map<Integer, SignatureReference> signatures) {
    }

    private record Refusal(int index, String id, String version, String message) {
    }

    private record Entry(int index, boolean success, StatusDetail detail) {
    }
}

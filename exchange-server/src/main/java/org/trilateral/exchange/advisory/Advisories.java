package org.trilateral.exchange.advisory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.AudienceCondition;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.exchange.member.Member;
import org.trilateral.exchange.member.MemberStore;
import org.trilateral.exchange.member.MemberSubject;
import org.trilateral.exchange.member.Role;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The advisories one member may read, each with the objects its report references that the member may read, and
 * their receipts (docs/delivery.md, "Advisories"). Every read goes through the access package's
 * {@link AudienceCondition}: an advisory the member may not read, or may not see the receipts of, is refused exactly as
 * one that does not exist.
 */
@Component
class Advisories {

    private final AdvisoryStore store;
    private final CollectionRegistry collections;
    private final MemberStore members;
    private final AdvisoryProperties properties;
    private final Clock clock;
    private final Optional<TaxiiCollection> advisoryCollection;

    Advisories(AdvisoryStore store, CollectionRegistry collections, MemberStore members, AdvisoryProperties properties,
               Clock clock) {
        this.store = store;
        this.collections = collections;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
        this.advisoryCollection = AdvisoryCollection.find(collections, properties);
    }

    /** The advisory collection, else refused: this exchange is configured without one. */
    private TaxiiCollection collection() {
        return advisoryCollection.orElseThrow(() -> Refusal.notFound("the exchange has no advisory collection"
                + " (exchange.advisories.collection names '" + properties.collection() + "', which no collection has)"));
    }

    /** An advisory's report and the referenced objects the reader may read ({@code unresolved}: the others). */
    record View(StoredAdvisory advisory, List<String> objects, List<String> unresolved) {
    }

    /** An entitled member and what it acknowledged. */
    record Entitled(Member member, Receipt receipt) {
    }

    /** A page of the current advisories {@code member} may read, newest first, older than {@code before}. */
    Flux<StoredAdvisory> page(Member member, long before, int limit) {
        return Flux.defer(() -> store.page(collection().id(), AudienceCondition.readableBy(Reader.of(member)), before, limit));
    }

    /** The advisory {@code id} as {@code member} may read it, else refused as not found. */
    Mono<StoredAdvisory> find(Member member, String id) {
        if (!StixId.isValid(id) || !id.startsWith("report--")) {
            return Mono.error(Refusal.invalid("id", "'" + id + "' is not a STIX report id (report--<UUID>)"));
        }
        return Mono.defer(() -> store.find(collection().id(), id, AudienceCondition.readableBy(Reader.of(member))))
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /**
     * The advisory with the objects its report's {@code object_refs} name that the member may read, current version
     * each, from the collections it may read (the advisory collection's copy first), in the report's order.
     */
    Mono<View> view(Member member, String id) {
        return find(member, id).flatMap(advisory -> {
            List<String> refs = new ArrayList<>();
            JsonNode report = StixJson.mapper().readTree(advisory.body());
            report.path("object_refs").forEach(ref -> {
                if (ref.isString() && !refs.contains(ref.stringValue())) {
                    refs.add(ref.stringValue());
                }
            });
            List<String> resolvable = refs.subList(0, Math.min(refs.size(), properties.maxObjectRefs()));
            List<String> readable = collections.all().stream().filter(c -> c.canRead(member)).map(TaxiiCollection::id).toList();
            return store.referenced(resolvable, readable, collection().id(), AudienceCondition.readableBy(Reader.of(member)))
                    .map(found -> {
                        List<String> objects = new ArrayList<>();
                        List<String> unresolved = new ArrayList<>();
                        for (String ref : refs) {
                            Optional.ofNullable(found.get(ref)).ifPresentOrElse(objects::add, () -> unresolved.add(ref));
                        }
                        return new View(advisory, objects, unresolved);
                    });
        });
    }

    /**
     * Records a receipt of the current version of advisory {@code id} (or {@code version}, which must be a version the
     * member may read) for {@code member}: its system's ({@code channel}), or a person's ({@code person}).
     */
    Mono<Receipt> acknowledge(Member member, String id, Optional<String> version, Optional<ReceiptChannel> channel,
                              Optional<MemberSubject> person) {
        AudienceCondition audience = AudienceCondition.readableBy(Reader.of(member));
        Mono<String> resolved = find(member, id).flatMap(current -> version.isEmpty() || version.get().equals(current.version())
                ? Mono.just(current.version())
                : store.readable(collection().id(), id, version.get(), audience)
                        .flatMap(readable -> readable ? Mono.just(version.get()) : Mono.error(Refusal.notFound(
                                "advisory '" + id + "' has no version '" + version.get() + "'"))));
        return resolved.flatMap(v -> person.isPresent()
                ? store.personAcknowledged(id, v, member.id().value(), person.get().issuer(), person.get().subject(),
                clock.instant())
                : store.systemReceived(id, v, member.id().value(), channel.orElse(ReceiptChannel.POLL), clock.instant()));
    }

    /**
     * Every member entitled to read the current version of advisory {@code id} (active, with a read role of the
     * advisory collection, and let read by the read rule), each with its receipt; for the advisory's issuer and for
     * admins who may read it. Anyone else is refused as for an advisory that does not exist.
     */
    Mono<List<Entitled>> receipts(Member caller, String id) {
        return find(caller, id).flatMap(advisory -> {
            if (!caller.id().value().equals(advisory.issuer()) && !caller.has(Role.ADMIN)) {
                return Mono.error(notFound(id));
            }
            TaxiiCollection collection = collection();
            return store.receipts(id, advisory.version()).flatMap(receipts -> members.all()
                    .filter(m -> m.active() && collection.canRead(m))
                    .concatMap(m -> store.readable(collection.id(), id, advisory.version(),
                                    AudienceCondition.readableBy(Reader.of(m)))
                            .filter(Boolean::booleanValue)
                            .map(ok -> new Entitled(m, receipts.getOrDefault(m.id().value(), Receipt.none(m.id().value())))))
                    .collectList());
        });
    }

    /** The current version of advisory {@code id}, for any member (used by {@link AdvisoryReceipts}). */
    Mono<StoredAdvisory> findFor(Reader reader, String id) {
        return Mono.justOrEmpty(advisoryCollection)
                .flatMap(collection -> store.find(collection.id(), id, AudienceCondition.readableBy(reader)));
    }

    /** Whether {@code reader} may read version {@code version} of advisory {@code id}. */
    Mono<Boolean> readable(Reader reader, String id, String version) {
        return Mono.justOrEmpty(advisoryCollection)
                .flatMap(collection -> store.readable(collection.id(), id, version, AudienceCondition.readableBy(reader)));
    }

    Mono<Receipt> systemReceived(String id, String version, String member, ReceiptChannel channel, java.time.Instant at) {
        return store.systemReceived(id, version, member, channel, at);
    }

    static Refusal notFound(String id) {
        return Refusal.notFound("no advisory '" + id + "'");
    }
}

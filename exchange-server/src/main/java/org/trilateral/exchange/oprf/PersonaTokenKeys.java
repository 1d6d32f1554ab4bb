package org.trilateral.exchange.oprf;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.error.Refusal;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import reactor.core.publisher.Mono;

/**
 * The exchange's persona-token keys in memory, one evaluator per epoch (its POPRF infos prepared once), loaded from
 * {@link OprfKeyStore}. The newest epoch is current; an older one is answered until its grace period ends, so members
 * can re-tokenise what they hold before its tokens stop matching new ones. Each epoch's key is random, not derived
 * from a master seed: a stolen key then exposes one epoch only.
 */
@Component
class PersonaTokenKeys {

    /** One epoch as the exchange serves it. */
    record Epoch(OprfKey key, PersonaTokenEvaluator evaluator) {
    }

    private final OprfKeyStore store;
    private final OprfProperties properties;
    private final Clock clock;
    private final AtomicReference<NavigableMap<KeyEpoch, Epoch>> epochs =
            new AtomicReference<>(Collections.emptyNavigableMap());

    PersonaTokenKeys(OprfKeyStore store, OprfProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates epoch 1 when no key exists, then loads every epoch. */
    Mono<Void> initialise() {
        return store.all().hasElements()
                .flatMap(any -> any ? Mono.just(false) : store.insert(newKey(new KeyEpoch(1))))
                .then(reload());
    }

    /** Reads the keys again, e.g. after another instance rotated. */
    Mono<Void> reload() {
        return store.all().collectList().doOnNext(keys -> {
            NavigableMap<KeyEpoch, Epoch> loaded = new TreeMap<>();
            NavigableMap<KeyEpoch, Epoch> previous = epochs.get();
            for (OprfKey key : keys) {
                Epoch known = previous.get(key.epoch());
                // Preparing an evaluator derives one tweaked key per kind: reuse it when the key is unchanged.
                loaded.put(key.epoch(), new Epoch(key, known != null && known.key().keyPair().equals(key.keyPair())
                        ? known.evaluator() : PersonaTokenEvaluator.create(key.epoch(), key.keyPair())));
            }
            epochs.set(Collections.unmodifiableNavigableMap(loaded));
        }).then();
    }

    /**
     * Starts the next epoch: a new random key becomes current and the one before is retired now, answered for the
     * grace period.
     */
    Mono<Epoch> rotate() {
        return reload().then(Mono.defer(() -> {
            KeyEpoch next = current().key().epoch().next();
            Instant now = clock.instant();
            return store.insert(newKey(next))
                    .flatMap(inserted -> inserted ? store.retireBefore(next, now)
                            : Mono.error(Refusal.conflict("epoch " + next + " was created meanwhile; rotate again if needed")))
                    .then(reload())
                    .then(Mono.fromSupplier(this::current));
        }));
    }

    /** The current epoch. */
    Epoch current() {
        NavigableMap<KeyEpoch, Epoch> all = epochs.get();
        if (all.isEmpty()) {
            throw new IllegalStateException("the persona-token keys are not loaded: OprfKeyBootstrap has not run");
        }
        return all.lastEntry().getValue();
    }

    /** Every epoch still answered now, oldest first. */
    List<Epoch> answered() {
        Instant now = clock.instant();
        return epochs.get().values().stream().filter(e -> e.key().answeredAt(now, properties.gracePeriod())).toList();
    }

    /**
     * The epoch a member asks evaluations under.
     *
     * @throws Refusal INVALID when the epoch does not exist or its grace period is over
     */
    Mono<Epoch> answering(KeyEpoch epoch) {
        Epoch known = epochs.get().get(epoch);
        Mono<Epoch> found = known != null ? Mono.just(known)
                // A newer epoch than this instance knows: another instance may have rotated.
                : epoch.compareTo(current().key().epoch()) > 0 ? reload().then(Mono.fromSupplier(() -> epochs.get().get(epoch)))
                : Mono.empty();
        return found.switchIfEmpty(Mono.error(() -> Refusal.invalid("epoch", "the exchange has no persona-token key of epoch "
                        + epoch + "; the current epoch is " + current().key().epoch())))
                .map(e -> {
                    if (!e.key().answeredAt(clock.instant(), properties.gracePeriod())) {
                        throw Refusal.invalid("epoch", "epoch " + epoch + " is no longer answered: its grace period ended at "
                                + e.key().answeredUntil(properties.gracePeriod()) + "; ask under the current epoch "
                                + current().key().epoch() + " and re-tokenise (docs/persona-identifiers.md §4.2)");
                    }
                    return e;
                });
    }

    private OprfKey newKey(KeyEpoch epoch) {
        return new OprfKey(epoch, OprfKeyPair.generate(ScalarSource.secure()), clock.instant(), null);
    }
}

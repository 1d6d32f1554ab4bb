package org.trilateral.exchange.member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;
import reactor.core.publisher.Flux;

/**
 * Inserts the configured bootstrap members that are not registered yet: at start, before the port opens and before
 * their configured keys are registered.
 */
@Component
@Order(0)
class MemberBootstrap implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(MemberBootstrap.class);

    private final MemberChanges changes;
    private final MemberProperties properties;

    MemberBootstrap(MemberChanges changes, MemberProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void run() {
        // On the main thread, before the port opens: waiting here is what keeps a fresh exchange from serving without
        // its admin.
        Flux.fromIterable(properties.bootstrap())
                .map(MemberProperties.Bootstrap::member)
                .concatMap(member -> changes.createIfAbsent(member, MemberChanges.EXCHANGE)
                        .doOnNext(added -> {
                            if (added) {
                                log.info("Registered bootstrap member '{}' with roles {}", member.id(), member.roles());
                            }
                        }))
                .then()
                .block();
    }
}

package org.trilateral.exchange.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.exchange.member.MemberProperties;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
import reactor.core.publisher.Flux;

/**
 * Registers the public keys configured for bootstrap members ({@code exchange.members.bootstrap[].keys[]}) whose kid
 * is not registered yet, after the members themselves; each registration is a key event in the log. A key changed
 * or revoked through the admin API is never reset from configuration.
 */
@Component
@Order(1)
class KeyBootstrap implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(KeyBootstrap.class);

    private final MemberKeys keys;
    private final MemberProperties properties;

    KeyBootstrap(MemberKeys keys, MemberProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run() {
        // On the main thread, before the port opens, after the members' own bootstrap: the keys exist before the
        // first request.
        Flux.fromIterable(properties.bootstrap())
                .concatMap(member -> Flux.fromIterable(member.keys())
                        .map(text -> parse(member.id(), text))
                        .concatMap(jwk -> keys.registerIfAbsent(new MemberId(member.id()), jwk)
                                .doOnNext(added -> {
                                    if (added) {
                                        log.info("Registered bootstrap key {} of member '{}'", jwk.thumbprint(), member.id());
                                    }
                                })))
                .then()
                .block();
    }

    private static Jwk parse(String member, String text) {
        try {
            return Jwk.parse(text);
        } catch (JwkFormatException e) {
            throw new IllegalStateException("exchange.members.bootstrap key of member '" + member + "' is not a public JWK: "
                    + e.getMessage(), e);
        }
    }
}

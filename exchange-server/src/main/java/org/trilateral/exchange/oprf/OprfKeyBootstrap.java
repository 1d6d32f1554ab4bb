package org.trilateral.exchange.oprf;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.StartupTask;

/**
 * Makes the first persona-token key when the exchange has none, and loads every epoch, before the port opens: the
 * first evaluation request already finds a key, and a restart keeps the key (tokens stay comparable).
 */
@Component
@Order(5)
class OprfKeyBootstrap implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(OprfKeyBootstrap.class);

    private final PersonaTokenKeys keys;

    OprfKeyBootstrap(PersonaTokenKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run() {
        keys.initialise().block();
        PersonaTokenKeys.Epoch current = keys.current();
        log.info("Persona-token key epoch {} is current, public key {}", current.key().epoch(),
                current.key().keyPair().publicKey());
    }
}

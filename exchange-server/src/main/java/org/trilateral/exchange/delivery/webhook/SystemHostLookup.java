package org.trilateral.exchange.delivery.webhook;

import java.net.InetAddress;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The JDK's resolver (hosts file, then DNS, with the JDK's cache), on the bounded elastic scheduler since it blocks. */
@Component
class SystemHostLookup implements HostLookup {

    @Override
    public Mono<List<InetAddress>> addresses(String host) {
        return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host))).subscribeOn(Schedulers.boundedElastic());
    }
}

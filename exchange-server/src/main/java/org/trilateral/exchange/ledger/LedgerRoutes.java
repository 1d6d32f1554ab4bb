package org.trilateral.exchange.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of {@code /log/} and the well-known checkpoint location; plain HTTP, not TAXII. Refusals are RFC 9457
 * problem details (the error package renders them).
 */
@Configuration(proxyBeanMethods = false)
class LedgerRoutes {

    @Bean
    RouterFunction<ServerResponse> ledgerRouter(LedgerHandler ledger) {
        return RouterFunctions.route()
                .GET("/log/checkpoint", ledger::checkpoint)
                .GET("/.well-known/exchange-log", ledger::checkpoint)
                .GET("/log/key", ledger::key)
                .GET("/log/leaves/{index}", ledger::leaf)
                .GET("/log/proof/inclusion", ledger::inclusion)
                .GET("/log/proof/consistency", ledger::consistency)
                .build();
    }
}

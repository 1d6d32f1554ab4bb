package org.trilateral.exchange.delivery.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of {@code /webhooks}: a member's own endpoints; refusals are problem details. */
@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    @Bean
    RouterFunction<ServerResponse> webhookRouter(WebhookHandler webhooks) {
        return RouterFunctions.route()
                .POST("/webhooks", webhooks::create)
                .GET("/webhooks", webhooks::list)
                .GET("/webhooks/{id}", webhooks::get)
                .DELETE("/webhooks/{id}", webhooks::delete)
                .POST("/webhooks/{id}/pause", request -> webhooks.pause(request, true))
                .POST("/webhooks/{id}/resume", request -> webhooks.pause(request, false))
                .GET("/webhooks/{id}/dead-letters", webhooks::deadLetters)
                .DELETE("/webhooks/{id}/dead-letters", request -> webhooks.deleteDeadLetters(request, false))
                .POST("/webhooks/{id}/dead-letters/replay", webhooks::replayAll)
                .DELETE("/webhooks/{id}/dead-letters/{letter}", request -> webhooks.deleteDeadLetters(request, true))
                .POST("/webhooks/{id}/dead-letters/{letter}/replay", webhooks::replayOne)
                .build();
    }
}

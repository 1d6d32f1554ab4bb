package org.trilateral.exchange.keys;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.member.AdminJson;

/**
 * Routes of the keys admin API (admin filter chain) and of the members' JWKS document
 * ({@code /.well-known/exchange-keys.json}, readable by any authenticated member).
 */
@Configuration(proxyBeanMethods = false)
class KeyRoutes {

    static final String JWKS_PATH = "/.well-known/exchange-keys.json";

    @Bean
    RouterFunction<ServerResponse> keyRouter(KeyAdminHandler admin, OwnKeysHandler own, MemberKeyStore store) {
        String keys = "/admin/members/{memberId}/keys";
        return RouterFunctions.route()
                .GET("/members/me", own::me)
                .route(GET("/members/me/keys").or(GET("/members/me/keys/")), own::list)
                .route(POST("/members/me/keys").or(POST("/members/me/keys/")), own::register)
                .route(POST("/members/me/keys/{kid}/revoke"), own::revoke)
                .route(GET(keys).or(GET(keys + "/")), admin::list)
                .route(POST(keys).or(POST(keys + "/")), admin::register)
                .route(PATCH(keys + "/{kid}"), admin::change)
                .route(POST(keys + "/{kid}/revoke"), admin::revoke)
                .GET(JWKS_PATH, request -> store.published().map(KeyJson::jwks).collectList()
                        .flatMap(list -> AdminJson.answer(HttpStatus.OK, Map.of("keys", list))))
                .build();
    }
}

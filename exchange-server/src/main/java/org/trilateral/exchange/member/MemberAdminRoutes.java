package org.trilateral.exchange.member;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the admin API on members (docs/identity.md); access is decided by the admin security filter chain. */
@Configuration(proxyBeanMethods = false)
class MemberAdminRoutes {

    @Bean
    RouterFunction<ServerResponse> memberAdminRouter(MemberAdminHandler handler) {
        String one = "/admin/members/{memberId}";
        return RouterFunctions.route()
                .route(GET("/admin/members").or(GET("/admin/members/")), handler::list)
                .route(POST("/admin/members").or(POST("/admin/members/")), handler::create)
                .route(GET(one), handler::one)
                .route(PATCH(one), handler::change)
                .route(POST(one + "/suspend"), handler::suspend)
                .route(POST(one + "/reinstate"), handler::reinstate)
                .route(GET("/admin/requests").or(GET("/admin/requests/")), handler::pendingRequests)
                .route(POST("/admin/requests/{requestId}/approve"), handler::approve)
                .route(POST("/admin/requests/{requestId}/reject"), handler::reject)
                .build();
    }
}

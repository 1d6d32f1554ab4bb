package org.trilateral.exchange.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI description against the routes the exchange really has: every documented operation exists, and
 * every non-TAXII route is documented (TAXII is described by its specification, docs/taxii.md).
 */
class ApiDescriptionTest extends ExchangeIntegrationTest {

    private static final Pattern METHOD_AND_PATH = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE)\\s*&&\\s*(/[^\\s)]*)");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    ApplicationContext context;

    @SuppressWarnings("unchecked")
    private Map<String, Object> served() {
        byte[] body = client().get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).startsWith("application/yaml"))
                .expectBody().returnResult().getResponseBody();
        return new Yaml().load(new String(body, StandardCharsets.UTF_8));
    }

    /** "GET /admin/members" for every route of every router, a trailing slash not counted. */
    private Set<String> nonTaxiiRoutes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RouterFunction.class).forEach((name, router) -> {
            if (name.equals("taxiiRouter")) {
                return;
            }
            ((RouterFunction<ServerResponse>) router).accept(new RouterFunctions.Visitor() {
                @Override
                public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                    Matcher matcher = METHOD_AND_PATH.matcher(predicate.toString());
                    while (matcher.find()) {
                        routes.add(matcher.group(1) + " " + withoutTrailingSlash(matcher.group(2)));
                    }
                }

                @Override
                public void startNested(RequestPredicate predicate) {
                }

                @Override
                public void endNested(RequestPredicate predicate) {
                }

                @Override
                public void resources(java.util.function.Function<org.springframework.web.reactive.function.server.ServerRequest,
                        reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
                }

                @Override
                public void attributes(Map<String, Object> attributes) {
                }

                @Override
                public void unknown(RouterFunction<?> routerFunction) {
                }
            });
        });
        return routes;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented(Map<String, Object> description, boolean withDevelopmentOnly) {
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.get("paths");
        paths.forEach((path, item) -> {
            if (!withDevelopmentOnly && Boolean.TRUE.equals(item.get("x-development-mode-only"))) {
                return;
            }
            // A path the router matches with a pattern OpenAPI cannot express names the pattern itself.
            Object pattern = item.getOrDefault("x-route-pattern", path);
            item.keySet().stream().filter(METHODS::contains)
                    .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + pattern));
        });
        return operations;
    }

    @Test
    void openApiWhenComparedWithTheRoutesThenEveryRouteDocumentedAndEveryOperationReal() {
        Map<String, Object> description = served();
        Set<String> routes = nonTaxiiRoutes();

        assertThat(description.get("openapi")).isEqualTo("3.1.0");
        assertThat(routes).as("the routes were found").contains("GET /admin/members", "GET /openapi.yaml");
        assertThat(documented(description, true)).as("every non-TAXII route is documented").containsAll(routes);
        assertThat(routes).as("every documented operation exists (development mode aside)")
                .containsAll(documented(description, false));
    }

    @Test
    void openApiWhenNoTokenThen401() {
        anonymousClient().get().uri("/openapi.yaml").exchange().expectStatus().isUnauthorized();
    }
}

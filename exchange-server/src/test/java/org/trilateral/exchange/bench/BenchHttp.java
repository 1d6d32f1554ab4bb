package org.trilateral.exchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** The benchmark's HTTP client of one running exchange: plain JDK HTTP/1.1 on loopback, as an outside client sees it. */
final class BenchHttp {

    static final String TAXII = "application/taxii+json;version=2.1";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    BenchHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /** The objects endpoint of a collection, by alias. */
    String objects(String collection) {
        return base + "/trilateral/collections/" + collection + "/objects/";
    }

    /** A token from the development identity provider for {@code member} (a member with a subject at issuer "dev"). */
    String token(String member) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=" + member)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "POST /dev/token for " + member);
        return "Bearer " + StixJson.mapper().readTree(response.body()).get("access_token").asString();
    }

    /** POSTs JSON and answers the parsed body, refusing any other status than {@code expected}. */
    JsonNode postJson(String path, String authorization, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, expected, "POST " + path);
        return StixJson.mapper().readTree(response.body());
    }

    String getText(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "GET " + path);
        return response.body();
    }

    /** POSTs a TAXII envelope and answers the status resource's text. */
    HttpResponse<String> postEnvelope(String url, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", TAXII).header("Content-Type", TAXII).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getTaxii(String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", TAXII)
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}

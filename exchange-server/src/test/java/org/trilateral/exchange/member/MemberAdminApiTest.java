package org.trilateral.exchange.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.taxonomy.vocabulary.Sector;

/** The admin API on members: admin only, JSON in and out, RFC 9457 problem details for every refusal. */
class MemberAdminApiTest extends ExchangeIntegrationTest {

    private WebTestClient.ResponseSpec post(WebTestClient client, String json) {
        return client.post().uri("/admin/members").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void createWhenValidThen201AndListedAndReadable() {
        post(client(), "{\"id\":\"jp-npa\",\"name\":\"Japan agency\",\"nation\":\"JP\",\"sector\":\"government\","
                + "\"identity_id\":\"identity--0b8a4a2e-8f11-4b0c-9a53-51a2f05bd6e1\",\"roles\":[\"consumer\",\"advisory-issuer\"],"
                + "\"subjects\":[{\"issuer\":\"test\",\"subject\":\"npa\"}]}")
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).endsWith("/admin/members/jp-npa"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.roles[0]").isEqualTo("consumer")
                .jsonPath("$.roles[1]").isEqualTo("advisory-issuer");
        client().get().uri("/admin/members/jp-npa").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subjects[0].subject").isEqualTo("npa");
        client().get().uri("/admin/members").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.members[?(@.id == 'jp-npa')].nation").isEqualTo("JP");
    }

    @Test
    void createWhenFieldInvalidThen400ProblemNamingTheField() {
        post(client(), "{\"id\":\"kr-x\",\"name\":\"x\",\"nation\":\"KR\",\"sector\":\"bank\",\"roles\":[],\"subjects\":[]}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.field").isEqualTo("sector")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("bank"));
        post(client(), "{\"id\":\"Not A Slug\",\"name\":\"x\",\"nation\":\"KR\",\"sector\":\"other\",\"roles\":[],\"subjects\":[]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("id");
        post(client(), "{\"id\":\"kr-y\",\"nation\":\"KR\",\"sector\":\"other\",\"roles\":[],\"subjects\":[]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("name");
        post(client(), "{\"id\":\"kr-z\",\"name\":\"z\",\"nation\":\"KR\",\"sector\":\"other\",\"roles\":[\"root\"],\"subjects\":[]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles");
    }

    @Test
    void createWhenIdTakenThen409() {
        String json = "{\"id\":\"dup\",\"name\":\"d\",\"nation\":\"US\",\"sector\":\"other\",\"roles\":[],\"subjects\":[]}";
        post(client(), json).expectStatus().isCreated();
        post(client(), json).expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void changeWhenRolesPatchedThenOnlyRolesChange() {
        register("patched", Nation.KR, Sector.AI_COMPANY, Role.CONSUMER);
        client().patch().uri("/admin/members/patched").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"consumer\",\"publisher\"]}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles.length()").isEqualTo(2)
                .jsonPath("$.sector").isEqualTo("ai-company");
    }

    @Test
    void memberWhenUnknownThen404Problem() {
        client().get().uri("/admin/members/nobody").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no member 'nobody'");
    }

    @Test
    void adminApiWhenCallerNotAdminThen403Problem() {
        TestMember member = register("plain", Nation.US, Sector.OTHER, Role.CONSUMER);
        member.client().get().uri("/admin/members").exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void adminApiWhenNoTokenThen401ProblemWithChallenge() {
        anonymousClient().get().uri("/admin/members").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"trilateral-exchange\"");
    }
}

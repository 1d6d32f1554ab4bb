package org.trilateral.exchange.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.access.SharingGroup;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.vocabulary.Sector;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent employment with real members: employers register their staff's persona tokens; a token two employers
 * registered is "employed elsewhere" for both, naming the other only when its registration discloses it to a sharing
 * group of the asker; a member that does not employ the person learns nothing (same bytes as for nobody).
 */
class StaffScreeningTest extends ExchangeIntegrationTest {

    private static PersonaDigest token(String email) {
        return new V1Sha256().digest(EmailIdentifiers.normalise(email));
    }

    private static Map<String, Object> json(PersonaDigest token) {
        return Map.of("kind", token.kind().value(), "scheme", token.scheme(), "digest", token.digest());
    }

    private static Map<String, Object> staff(List<PersonaDigest> tokens, SharingGroup... discloseTo) {
        return Map.of("persona_tokens", tokens.stream().map(StaffScreeningTest::json).toList(),
                "disclose_to", java.util.Arrays.stream(discloseTo).map(SharingGroup::id).toList());
    }

    private static WebTestClient.ResponseSpec put(WebTestClient client, Map<String, Object> body) {
        return client.put().uri(ScreeningRoutes.STAFF).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(body)).exchange();
    }

    private static JsonNode registered(WebTestClient client, Map<String, Object> body) {
        return StixJson.mapper().readTree(put(client, body).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private static String screen(WebTestClient client, PersonaDigest token) {
        return client.post().uri(ScreeningRoutes.PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StixJson.mapper().writeValueAsString(Map.of("persona_tokens", List.of(json(token)))))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void registerWhenTwoEmployersShareATokenThenBothMatchWithoutNames() {
        TestMember first = register("staff-first", Nation.US, Sector.SOFTWARE, Role.CONSUMER);
        TestMember second = register("staff-second", Nation.JP, Sector.TECHNOLOGY, Role.CONSUMER);
        PersonaDigest shared = token("dual-worker@example.com");

        JsonNode firstAnswer = registered(first.client(), staff(List.of(shared, token("only-first@example.com"))));
        JsonNode secondAnswer = registered(second.client(), staff(List.of(shared, token("only-second@example.com"))));
        JsonNode firstScreen = StixJson.mapper().readTree(screen(first.client(), shared));

        assertThat(firstAnswer.get("registered").intValue()).isEqualTo(2);
        assertThat(firstAnswer.get("employment")).isEmpty();
        assertThat(secondAnswer.get("employment")).hasSize(1);
        assertThat(secondAnswer.get("employment").get(0).get("input").stringValue()).isEqualTo("persona_tokens[0]");
        assertThat(secondAnswer.get("employment").get(0).get("employed_elsewhere").intValue()).isEqualTo(1);
        assertThat(secondAnswer.get("employment").get(0).get("employers_named")).isEmpty();
        assertThat(firstScreen.get("employment").get(0).get("employed_elsewhere").intValue()).isEqualTo(1);
        assertThat(firstScreen.get("employment").get(0).get("employers_named")).isEmpty();
        assertThat(firstScreen.get("red_flags").findValuesAsString("flag")).containsExactly("concurrent-employments");
        assertThat(firstScreen.toString()).doesNotContain("staff-second");
    }

    @Test
    void registerWhenDisclosedToTheAskersGroupThenNamedToItOnly() {
        TestMember us = register("staff-us", Nation.US, Sector.SOFTWARE, Role.CONSUMER);
        TestMember jp = register("staff-jp", Nation.JP, Sector.SOFTWARE, Role.CONSUMER);
        TestMember kr = register("staff-kr", Nation.KR, Sector.DEFENCE, Role.CONSUMER);
        PersonaDigest shared = token("triple-worker@example.com");
        registered(us.client(), staff(List.of(shared)));
        registered(kr.client(), staff(List.of(shared)));

        JsonNode jpAnswer = registered(jp.client(), staff(List.of(shared), SharingGroup.NATION_US));
        JsonNode usScreen = StixJson.mapper().readTree(screen(us.client(), shared));
        JsonNode krScreen = StixJson.mapper().readTree(screen(kr.client(), shared));

        assertThat(jpAnswer.get("employment").get(0).get("employed_elsewhere").intValue()).isEqualTo(2);
        assertThat(jpAnswer.get("employment").get(0).get("employers_named")).isEmpty();
        assertThat(usScreen.get("employment").get(0).get("employed_elsewhere").intValue()).isEqualTo(2);
        assertThat(usScreen.get("employment").get(0).get("employers_named").get(0).stringValue()).isEqualTo("staff-jp");
        assertThat(usScreen.get("employment").get(0).get("employers_named")).hasSize(1);
        assertThat(krScreen.get("employment").get(0).get("employers_named")).isEmpty();
    }

    @Test
    void screenWhenNotTheirEmployeeThenSameAnswerAsNobodyRegistered() {
        TestMember employer = register("staff-employer", Nation.US, Sector.SOFTWARE, Role.CONSUMER);
        TestMember other = register("staff-other-employer", Nation.US, Sector.SOFTWARE, Role.CONSUMER);
        TestMember outsider = register("staff-outsider", Nation.US, Sector.SOFTWARE, Role.CONSUMER);
        PersonaDigest employed = token("employed-twice@example.com");
        registered(employer.client(), staff(List.of(employed), SharingGroup.NATION_US));
        registered(other.client(), staff(List.of(employed), SharingGroup.NATION_US));

        String hidden = screen(outsider.client(), employed);
        String nobody = screen(outsider.client(), token("nobody-employs@example.com"));

        assertThat(hidden).isEqualTo(nobody);
        assertThat(StixJson.mapper().readTree(screen(employer.client(), employed)).get("employment")).hasSize(1);
    }

    @Test
    void registerWhenStaffLeftThenNoLongerMatched() {
        TestMember leaving = register("staff-leaving", Nation.KR, Sector.SOFTWARE, Role.CONSUMER);
        TestMember staying = register("staff-staying", Nation.KR, Sector.SOFTWARE, Role.CONSUMER);
        PersonaDigest person = token("changed-jobs@example.com");
        registered(leaving.client(), staff(List.of(person)));
        registered(staying.client(), staff(List.of(person)));

        registered(leaving.client(), staff(List.of()));

        assertThat(StixJson.mapper().readTree(screen(staying.client(), person)).get("employment")).isEmpty();
    }

    @Test
    void registerWhenDiscloseToIsNotASharingGroupThenBadRequestNamingIt() {
        put(client(), Map.of("persona_tokens", List.of(), "disclose_to", List.of("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("disclose_to[0]");
        put(client(), Map.of("persona_tokens", List.of(Map.of("kind", "email", "scheme", "v2-oprf-p256", "digest", "zz"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("persona_tokens[0]");
    }

    @Test
    void registerWhenAWholeStaffListLargerThanOtherBodiesThenAccepted() {
        TestMember large = register("staff-large", Nation.JP, Sector.DEFENCE, Role.CONSUMER);
        List<PersonaDigest> staff = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            staff.add(token("employee-" + i + "@example.com"));
        }

        JsonNode answer = registered(large.client(), staff(staff));

        assertThat(StixJson.mapper().writeValueAsString(staff(staff)).length()).isGreaterThan(256 * 1024);
        assertThat(answer.get("registered").intValue()).isEqualTo(3_000);
    }

    @Test
    void registerWhenNoTokenThenUnauthorized() {
        anonymousClient().put().uri(ScreeningRoutes.STAFF).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"persona_tokens\": []}")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

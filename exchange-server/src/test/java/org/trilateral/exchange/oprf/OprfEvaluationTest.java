package org.trilateral.exchange.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trilateral.exchange.member.Nation;
import org.trilateral.exchange.member.Role;
import org.trilateral.exchange.support.ExchangeIntegrationTest;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfException;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PersonaKind;
import org.trilateral.taxonomy.persona.PersonaTokenClient;
import org.trilateral.taxonomy.persona.PersonaTokenRequest;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
import org.trilateral.taxonomy.vocabulary.Sector;

/**
 * The evaluation endpoint against the real server: members get the same token for the same identifier without the
 * exchange seeing it, every proof verifies against the published key, and every element that RFC 9497 §4.3 refuses
 * is refused with a 400 naming it.
 */
class OprfEvaluationTest extends ExchangeIntegrationTest {

    private static final KeyEpoch ONE = new KeyEpoch(1);

    private String keySet(WebTestClient client) {
        return client.get().uri(OprfRoutes.KEYS_PATH).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec evaluate(WebTestClient client, String body) {
        return client.post().uri(OprfRoutes.EVALUATE_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private List<PersonaDigest> tokens(WebTestClient client, PersonaTokenClient tokens, List<TaggedIdentifier> identifiers) {
        PersonaTokenRequest request = tokens.blind(identifiers);
        String answer = evaluate(client, OprfTestRequests.body(request)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return tokens.finalizeTokens(request, OprfTestRequests.evaluations(answer));
    }

    @Test
    void evaluateWhenTwoMembersBlindTheSameIdentifierThenSameVerifiedToken() {
        TestMember other = register("oprf-other", Nation.KR, Sector.TECHNOLOGY, Role.CONSUMER);
        Element publicKey = OprfTestRequests.publicKey(keySet(client()), ONE);
        TaggedIdentifier email = EmailIdentifiers.normalise("Kim.Applicant+jobs@Example.com");
        TaggedIdentifier phone = PhoneIdentifiers.normalise("+82 10-1234-5678", "KR");

        List<PersonaDigest> mine = tokens(client(), PersonaTokenClient.create(ONE, publicKey), List.of(email, phone));
        List<PersonaDigest> theirs = tokens(other.client(), PersonaTokenClient.create(ONE, publicKey), List.of(phone, email));

        assertThat(mine.get(0)).isEqualTo(theirs.get(1));
        assertThat(mine.get(1)).isEqualTo(theirs.get(0));
        assertThat(mine.get(0).scheme()).isEqualTo("v2-oprf-p256");
        assertThat(mine.get(0).digest()).startsWith("1:");
        assertThat(mine.get(0)).isNotEqualTo(mine.get(1));
    }

    @Test
    void finalizeWhenCheckedAgainstAnotherKeyThenProofRefused() {
        Element publicKey = OprfTestRequests.publicKey(keySet(client()), ONE);
        Element stranger = org.trilateral.integrity.oprf.OprfKeyPair.generate(org.trilateral.integrity.oprf.ScalarSource.secure()).publicKey();
        PersonaTokenClient wrong = PersonaTokenClient.create(ONE, stranger);
        PersonaTokenRequest request = wrong.blind(EmailIdentifiers.normalise("someone@example.org"));
        String answer = evaluate(client(), OprfTestRequests.body(request)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(publicKey).isNotEqualTo(stranger);
        assertThatThrownBy(() -> wrong.finalizeTokens(request, OprfTestRequests.evaluations(answer)))
                .isInstanceOf(OprfException.class);
    }

    @Test
    void keySetWhenReadThenSchemeSuiteAndCurrentEpoch() {
        client().get().uri(OprfRoutes.KEYS_PATH).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.scheme").isEqualTo("v2-oprf-p256")
                .jsonPath("$.suite").isEqualTo("P256-SHA256")
                .jsonPath("$.mode").isEqualTo("poprf")
                .jsonPath("$.current_epoch").isEqualTo(1)
                .jsonPath("$.keys[0].epoch").isEqualTo(1)
                .jsonPath("$.keys[0].current").isEqualTo(true);
    }

    @Test
    void evaluateWhenIdentityPointThenBadRequestNamingIt() {
        evaluate(client(), OprfTestRequests.raw(1, "email", List.of(
                        OprfTestRequests.B64.encodeToString(OprfTestRequests.offCurve()),
                        OprfTestRequests.B64.encodeToString(new byte[] {0}))))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.field").isEqualTo("batches[0].blinded_elements[0]")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not a valid P-256 element"));
        evaluate(client(), OprfTestRequests.raw(1, "email", List.of(OprfTestRequests.B64.encodeToString(new byte[] {0}))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("identity"));
        evaluate(client(), OprfTestRequests.raw(1, "email", List.of(OprfTestRequests.B64.encodeToString(new byte[33]))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("identity"));
    }

    @Test
    void evaluateWhenOffCurvePointThenBadRequest() {
        evaluate(client(), OprfTestRequests.raw(1, "phone", List.of(OprfTestRequests.B64.encodeToString(OprfTestRequests.offCurve()))))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.field").isEqualTo("batches[0].blinded_elements[0]")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not that of a point on P-256"));
    }

    @Test
    void evaluateWhenEncodingNotCanonicalThenBadRequest() {
        Element valid = OprfTestRequests.publicKey(keySet(client()), ONE);
        byte[] uncompressed = new byte[65];
        uncompressed[0] = 0x04;
        Map<String, String> refused = Map.of(
                OprfTestRequests.B64.encodeToString(OprfTestRequests.xNotBelowPrime()), "not below the field prime",
                OprfTestRequests.B64.encodeToString(uncompressed), "uncompressed points are refused",
                java.util.Base64.getUrlEncoder().encodeToString(valid.serialize()) + "==", "base64url",
                java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff, 0, 1, 2, 3}), "base64url");
        refused.forEach((element, reason) -> evaluate(client(), OprfTestRequests.raw(1, "email", List.of(element)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(reason)));
        byte[] wrongPrefix = valid.serialize();
        wrongPrefix[0] = 0x05;
        evaluate(client(), OprfTestRequests.raw(1, "email", List.of(OprfTestRequests.B64.encodeToString(wrongPrefix))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("0x02 or 0x03"));
    }

    @Test
    void evaluateWhenRequestMalformedThenBadRequestNamingTheMember() {
        String element = OprfTestRequests.B64.encodeToString(OprfTestRequests.publicKey(keySet(client()), ONE).serialize());
        Map<String, String> refused = Map.of(
                "{\"batches\":[]}", "epoch",
                "{\"epoch\":1,\"batches\":[]}", "batches",
                "{\"epoch\":0,\"batches\":[]}", "epoch",
                "{\"epoch\":1,\"batches\":[{\"kind\":\"shoe-size\",\"blinded_elements\":[\"" + element + "\"]}]}", "batches[0].kind",
                "{\"epoch\":1,\"batches\":[{\"kind\":\"email\",\"blinded_elements\":[]}]}", "batches[0].blinded_elements",
                "{\"epoch\":1,\"batches\":[{\"kind\":\"email\",\"blinded_elements\":[7]}]}", "batches[0].blinded_elements[0]",
                "{\"epoch\":1,\"batches\":[],\"value\":\"kim@example.com\"}", "value",
                "{\"epoch\":7,\"batches\":[{\"kind\":\"email\",\"blinded_elements\":[\"" + element + "\"]}]}", "epoch");
        refused.forEach((body, field) -> evaluate(client(), body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field));
    }

    @Test
    void evaluateWhenNoTokenThenUnauthorized() {
        anonymousClient().post().uri(OprfRoutes.EVALUATE_PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OprfTestRequests.raw(1, "email", List.of("AA"))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
        anonymousClient().get().uri(OprfRoutes.KEYS_PATH).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void oversightWhenMembersEvaluatedThenCountedPerMember() {
        Element publicKey = OprfTestRequests.publicKey(keySet(client()), ONE);
        TestMember counted = register("oprf-counted", Nation.JP, Sector.SOFTWARE, Role.CONSUMER);
        tokens(counted.client(), PersonaTokenClient.create(ONE, publicKey), List.of(
                EmailIdentifiers.normalise("a@example.com"), EmailIdentifiers.normalise("b@example.com"),
                PhoneIdentifiers.normalise("+81 90-1234-5678", "JP")));
        client().get().uri("/admin/oprf/evaluations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members[?(@.member == 'oprf-counted')].evaluations_total").isEqualTo(3)
                .jsonPath("$.members[?(@.member == 'oprf-counted')].refused_requests").isEqualTo(0);
        counted.client().get().uri("/admin/oprf/evaluations").exchange().expectStatus().isForbidden();
    }

    @Test
    void rotateWhenNewEpochThenBothAnsweredDuringGraceAndTokensDiffer() {
        Element oldKey = OprfTestRequests.publicKey(keySet(client()), ONE);
        TaggedIdentifier email = EmailIdentifiers.normalise("rotating@example.com");
        PersonaDigest before = tokens(client(), PersonaTokenClient.create(ONE, oldKey), List.of(email)).get(0);

        String rotated = client().post().uri("/admin/oprf/rotate").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        KeyEpoch two = new KeyEpoch(2);
        Element newKey = OprfTestRequests.publicKey(rotated, two);

        PersonaDigest stillOld = tokens(client(), PersonaTokenClient.create(ONE, oldKey), List.of(email)).get(0);
        PersonaDigest after = tokens(client(), PersonaTokenClient.create(two, newKey), List.of(email)).get(0);
        assertThat(stillOld).isEqualTo(before);
        assertThat(after.digest()).startsWith("2:");
        assertThat(after).isNotEqualTo(before);
        client().get().uri(OprfRoutes.KEYS_PATH).exchange().expectBody()
                .jsonPath("$.current_epoch").isEqualTo(2)
                .jsonPath("$.keys[0].retired").exists()
                .jsonPath("$.keys[0].answered_until").exists()
                .jsonPath("$.keys[1].current").isEqualTo(true);
        assertThat(PersonaKind.EMAIL).isEqualTo(after.kind());
    }
}

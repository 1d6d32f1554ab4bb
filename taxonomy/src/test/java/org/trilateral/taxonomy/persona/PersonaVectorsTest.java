package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.JsonNode;

/** Replays the vectors the project publishes (docs/vectors/persona-identifiers-v1.json, on the test class path). */
class PersonaVectorsTest {

    private final V1Sha256 scheme = new V1Sha256();

    @Test
    void publishedVectorsWhenReplayedThenNormalisedTaggedAndDigestMatch() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/persona-identifiers-v1.json")) {
            vectors = StixJson.mapper().readTree(in).get("vectors");
        }
        assertThat(vectors.size()).isGreaterThanOrEqualTo(28);
        assertThat(vectors.valueStream().map(v -> v.get("kind").stringValue()).distinct())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(PersonaKind.values()).map(PersonaKind::value).toList());
        for (JsonNode vector : vectors) {
            TaggedIdentifier identifier = normalise(vector.get("kind").stringValue(), vector.get("input"));
            String label = vector.toString();
            assertThat(identifier.kind().value()).as(label).isEqualTo(vector.get("kind").stringValue());
            assertThat(identifier.normalised()).as(label).isEqualTo(vector.get("normalised").stringValue());
            assertThat(identifier.taggedForm()).as(label).isEqualTo(vector.get("tagged").stringValue());
            assertThat(scheme.digest(identifier).digest()).as(label).isEqualTo(vector.get("digest").stringValue());
        }
    }

    private static TaggedIdentifier normalise(String kind, JsonNode input) {
        return switch (kind) {
            case "email" -> {
                List<TaggedIdentifier> all = EmailIdentifiers.normaliseWithVariants(input.get("email").stringValue());
                yield input.has("variant") ? all.get(1) : all.get(0);
            }
            case "phone" -> PhoneIdentifiers.normalise(input.get("phone").stringValue(),
                    input.has("defaultRegion") ? input.get("defaultRegion").stringValue() : null);
            case "name-dob-native" -> NameIdentifiers.nativeScript(input.get("name").stringValue(),
                    NameIdentifiers.dateOfBirth(input.get("dateOfBirth").stringValue()));
            case "name-dob-passport" -> NameIdentifiers.passport(input.get("name").stringValue(),
                    NameIdentifiers.dateOfBirth(input.get("dateOfBirth").stringValue()));
            case "identity-document" -> IdentityDocumentIdentifiers.normalise(input.get("issuingState").stringValue(),
                    IdentityDocumentIdentifiers.DocumentType.fromValue(input.get("documentType").stringValue()).orElseThrow(),
                    input.get("number").stringValue());
            case "username" -> UsernameIdentifiers.normalise(input.get("platform").stringValue(), input.get("username").stringValue());
            case "photo-phash" -> PhotoHashIdentifiers.normalise(input.get("perceptualHash").stringValue());
            case "bank-account" -> switch (input.get("form").stringValue()) {
                case "iban" -> BankAccountIdentifiers.iban(input.get("iban").stringValue());
                case "aba" -> BankAccountIdentifiers.usAccount(input.get("routingNumber").stringValue(), input.get("accountNumber").stringValue());
                case "bic" -> BankAccountIdentifiers.bicAccount(input.get("bic").stringValue(), input.get("accountNumber").stringValue());
                default -> throw new IllegalArgumentException("bank-account vector of unknown form " + input.get("form"));
            };
            case "payment-account" -> PaymentAccountIdentifiers.normalise(input.get("platform").stringValue(), input.get("account").stringValue());
            case "postal-address" -> PostalAddressIdentifiers.normalise(input.get("country").stringValue(), input.get("postcode").stringValue(),
                    input.get("lines").valueStream().map(JsonNode::stringValue).toList());
            default -> throw new IllegalArgumentException("vector of unknown kind " + kind);
        };
    }
}

package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilateral.integrity.oprf.Element;
import org.trilateral.integrity.oprf.OprfException;
import org.trilateral.integrity.oprf.VerifiableEvaluation;

class PersonaTokenClientTest {

    private static final KeyEpoch EPOCH = new KeyEpoch(3);

    private final PersonaTokenEvaluator exchange = PersonaTokenEvaluatorTest.evaluator(EPOCH);
    private final PersonaTokenClient member = PersonaTokenClient.create(EPOCH, exchange.publicKey());

    private final TaggedIdentifier email = EmailIdentifiers.normalise("alice@example.com");
    private final TaggedIdentifier phone = PhoneIdentifiers.normalise("010-1234-5678", "KR");
    private final TaggedIdentifier otherEmail = EmailIdentifiers.normalise("bob@example.com");

    private static Map<PersonaKind, VerifiableEvaluation> evaluate(PersonaTokenEvaluator evaluator, PersonaTokenRequest request) {
        Map<PersonaKind, VerifiableEvaluation> answers = new LinkedHashMap<>();
        request.blindedElements().forEach((kind, elements) -> answers.put(kind, evaluator.blindEvaluate(kind, elements)));
        return answers;
    }

    @Test
    void finalizeTokensWhenKindsMixedThenTokensInRequestOrderEqualToExchangeEvaluation() {
        PersonaTokenRequest request = member.blind(List.of(email, phone, otherEmail));

        List<PersonaDigest> tokens = member.finalizeTokens(request, evaluate(exchange, request));

        assertThat(request.blindedElements().keySet()).containsExactly(PersonaKind.EMAIL, PersonaKind.PHONE);
        assertThat(request.blindedElements().get(PersonaKind.EMAIL)).hasSize(2);
        assertThat(tokens).containsExactly(exchange.token(email), exchange.token(phone), exchange.token(otherEmail));
    }

    @Test
    void blindWhenSentThenNoBlindedElementRevealsTheIdentifier() {
        PersonaTokenRequest first = member.blind(email);
        PersonaTokenRequest second = member.blind(email);

        assertThat(first.blindedElements().get(PersonaKind.EMAIL)).doesNotContainAnyElementsOf(second.blindedElements().get(PersonaKind.EMAIL));
        assertThat(member.finalizeToken(first, evaluate(exchange, first).get(PersonaKind.EMAIL)))
                .isEqualTo(member.finalizeToken(second, evaluate(exchange, second).get(PersonaKind.EMAIL)));
    }

    @Test
    void finalizeTokensWhenExchangeUsedAnotherEpochKeyThenVerifyError() {
        PersonaTokenRequest request = member.blind(email);
        PersonaTokenEvaluator otherEpochKey = PersonaTokenEvaluator.create(EPOCH, V2OprfP256.deriveKeyPair(new byte[32], new KeyEpoch(4)));

        assertThatThrownBy(() -> member.finalizeTokens(request, evaluate(otherEpochKey, request)))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeTokensWhenExchangeEvaluatedUnderAnotherKindThenVerifyError() {
        PersonaTokenRequest request = member.blind(email);
        List<Element> blinded = request.blindedElements().get(PersonaKind.EMAIL);

        assertThatThrownBy(() -> member.finalizeTokens(request, Map.of(PersonaKind.EMAIL, exchange.blindEvaluate(PersonaKind.PHONE, blinded))))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeTokensWhenKindWithoutEvaluationThenRefused() {
        PersonaTokenRequest request = member.blind(List.of(email, phone));
        Map<PersonaKind, VerifiableEvaluation> answers = evaluate(exchange, request);
        answers.remove(PersonaKind.PHONE);

        assertThatThrownBy(() -> member.finalizeTokens(request, answers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
    }

    @Test
    void finalizeTokensWhenRequestOfAnotherEpochThenRefused() {
        PersonaTokenRequest request = PersonaTokenClient.create(new KeyEpoch(2), exchange.publicKey()).blind(email);

        assertThatThrownBy(() -> member.finalizeTokens(request, evaluate(exchange, request)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch 2");
    }
}

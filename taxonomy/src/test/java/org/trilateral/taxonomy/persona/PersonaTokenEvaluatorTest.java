package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonaTokenEvaluatorTest {

    private static final byte[] SEED = new byte[32];
    private static final KeyEpoch ONE = new KeyEpoch(1);
    private static final KeyEpoch TWO = new KeyEpoch(2);

    static PersonaTokenEvaluator evaluator(KeyEpoch epoch) {
        return PersonaTokenEvaluator.create(epoch, V2OprfP256.deriveKeyPair(SEED, epoch));
    }

    @Test
    void tokenWhenSameIdentifierThenSameTokenFromAnotherEvaluatorOfTheEpoch() {
        TaggedIdentifier email = EmailIdentifiers.normalise("alice@example.com");

        assertThat(evaluator(ONE).token(email)).isEqualTo(evaluator(ONE).token(email));
        assertThat(evaluator(ONE).token(email).digest()).startsWith("1:");
    }

    @Test
    void tokenWhenOtherEpochThenOtherToken() {
        TaggedIdentifier email = EmailIdentifiers.normalise("alice@example.com");

        assertThat(evaluator(ONE).token(email).digest().substring(2)).isNotEqualTo(evaluator(TWO).token(email).digest().substring(2));
    }

    @Test
    void tokenWhenSameTextUnderTwoKindsThenDifferentTokens() {
        TaggedIdentifier username = UsernameIdentifiers.normalise("github", "alice");
        TaggedIdentifier otherPlatform = UsernameIdentifiers.normalise("gitlab", "alice");

        assertThat(evaluator(ONE).token(username)).isNotEqualTo(evaluator(ONE).token(otherPlatform));
        assertThat(evaluator(ONE).token(username).platform()).isEqualTo("github");
    }
}

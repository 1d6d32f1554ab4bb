package org.trilateral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.ScalarSource;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.TaggedIdentifier;

/** Persona tokens against the real exchange: blinded here, evaluated there, proofs checked here. */
class PersonaTokensTest {

    @TempDir
    static Path directory;

    private static RunningExchange exchange;

    @BeforeAll
    static void start() {
        exchange = RunningExchange.start(directory.resolve("postgres"));
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    private static ExchangeClient client(String member) {
        return exchange.clientBuilder().credentials(Credentials.bearer(exchange.devToken(member))).build();
    }

    @Test
    void tokensWhenTwoMembersTokeniseTheSameIdentifierThenTheSameToken() {
        TaggedIdentifier email = EmailIdentifiers.normalise("Candidate.Park@Example.com");
        TaggedIdentifier phone = PhoneIdentifiers.normalise("+82 10 9876 5432", "KR");

        List<PersonaDigest> us = client("us-agency").personaTokens().tokens(List.of(email, phone));
        List<PersonaDigest> jp = client("jp-agency").personaTokens().tokens(List.of(phone, email));

        assertThat(us).containsExactly(jp.get(1), jp.get(0));
        assertThat(us.get(0).scheme()).isEqualTo("v2-oprf-p256");
        assertThat(us.get(0).digest()).matches("1:[0-9a-f]{64}");
    }

    @Test
    void tokensWhenMoreThanOneRequestHoldsThenSplitAndInOrder() {
        List<TaggedIdentifier> many = IntStream.range(0, PersonaTokens.MAX_PER_REQUEST + 3)
                .mapToObj(i -> EmailIdentifiers.normalise("worker" + i + "@example.net")).toList();
        PersonaTokens tokens = client("us-agency").personaTokens();

        List<PersonaDigest> all = tokens.tokens(many);

        assertThat(all).hasSize(many.size());
        assertThat(all.get(all.size() - 1)).isEqualTo(tokens.token(many.get(many.size() - 1)));
    }

    @Test
    void tokensWhenPinnedKeyIsNotTheOneTheExchangeUsesThenRefused() {
        PersonaTokens tokens = client("us-agency").personaTokens()
                .pin(new KeyEpoch(1), OprfKeyPair.generate(ScalarSource.secure()).publicKey());

        assertThatThrownBy(() -> tokens.token(EmailIdentifiers.normalise("x@example.com")))
                .isInstanceOf(TokenVerificationException.class)
                .hasMessageContaining("epoch 1");
    }

    @Test
    void keysWhenReadThenCurrentEpochAndItsKey() {
        PersonaTokenKeySet keys = client("jp-agency").personaTokens().keys();

        assertThat(keys.current()).isEqualTo(new KeyEpoch(1));
        assertThat(keys.publicKeys()).containsKey(new KeyEpoch(1));
    }
}

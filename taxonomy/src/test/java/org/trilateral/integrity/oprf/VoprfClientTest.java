package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoprfClientTest {

    private final OprfKeyPair keys = TestKeys.keys(OprfMode.VOPRF, 1);
    private final VoprfServer server = VoprfServer.create(keys);
    private final VoprfClient client = VoprfClient.create(keys.publicKey());

    @Test
    void finalizeWhenBatchEvaluatedWithPublishedKeyThenOutputsEqualFullEvaluations() {
        BlindedBatch batch = client.blind(List.of(TestKeys.INPUT, TestKeys.OTHER_INPUT));

        List<byte[]> outputs = client.finalizeOutputs(batch, server.blindEvaluate(batch.blindedElements()));

        assertThat(outputs).containsExactly(server.evaluate(TestKeys.INPUT), server.evaluate(TestKeys.OTHER_INPUT));
    }

    @Test
    void finalizeWhenServerUsedAnotherKeyThenVerifyError() {
        BlindedBatch batch = client.blind(TestKeys.INPUT);
        VerifiableEvaluation evaluation = VoprfServer.create(TestKeys.keys(OprfMode.VOPRF, 2)).blindEvaluate(batch.blindedElements());

        assertThatThrownBy(() -> client.finalizeOutputs(batch, evaluation))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeWhenOneElementOfBatchUsedAnotherKeyThenVerifyError() {
        BlindedBatch batch = client.blind(List.of(TestKeys.INPUT, TestKeys.OTHER_INPUT));
        VerifiableEvaluation honest = server.blindEvaluate(batch.blindedElements());
        // A server that tags one member's element with a second key, to recognise it later, must fail the batch proof.
        Element tagged = VoprfServer.create(TestKeys.keys(OprfMode.VOPRF, 2)).blindEvaluate(batch.blindedElements().get(1))
                .evaluatedElements().get(0);
        List<Element> evaluated = new ArrayList<>(honest.evaluatedElements());
        evaluated.set(1, tagged);

        assertThatThrownBy(() -> client.finalizeOutputs(batch, new VerifiableEvaluation(evaluated, honest.proof())))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeWhenProofTamperedThenVerifyError() {
        BlindedBatch batch = client.blind(TestKeys.INPUT);
        VerifiableEvaluation evaluation = server.blindEvaluate(batch.blindedElements());
        byte[] proof = evaluation.proof().serialize();
        proof[63] ^= 1;

        assertThatThrownBy(() -> client.finalizeOutputs(batch, new VerifiableEvaluation(evaluation.evaluatedElements(), Proof.deserialize(proof))))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeWhenServerSendsIdentityThenRefusedAtDeserialisation() {
        assertThatThrownBy(() -> Element.deserialize(new byte[] {0}))
                .isInstanceOfSatisfying(InputValidationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.IDENTITY));
    }

    @Test
    void finalizeWhenBatchFromOtherModeThenRefused() {
        BlindedBatch oprfBatch = OprfClient.create().blind(TestKeys.INPUT);
        VerifiableEvaluation evaluation = server.blindEvaluate(oprfBatch.blindedElements());

        assertThatThrownBy(() -> client.finalizeOutputs(oprfBatch, evaluation))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPRF");
    }
}

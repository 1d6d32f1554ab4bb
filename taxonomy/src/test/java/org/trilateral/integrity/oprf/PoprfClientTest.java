package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoprfClientTest {

    private final OprfKeyPair keys = TestKeys.keys(OprfMode.POPRF, 1);
    private final PoprfServer server = PoprfServer.create(keys);
    private final PoprfClient client = PoprfClient.create(keys.publicKey());

    @Test
    void finalizeWhenEvaluatedUnderSameInfoThenOutputsEqualFullEvaluations() {
        BlindedBatch batch = client.blind(TestKeys.INFO, List.of(TestKeys.INPUT, TestKeys.OTHER_INPUT));

        List<byte[]> outputs = client.finalizeOutputs(batch, server.blindEvaluate(TestKeys.INFO, batch.blindedElements()));

        assertThat(outputs).containsExactly(server.evaluate(TestKeys.INPUT, TestKeys.INFO), server.evaluate(TestKeys.OTHER_INPUT, TestKeys.INFO));
    }

    @Test
    void evaluateWhenOtherInfoThenOtherOutput() {
        byte[] otherInfo = "tie-persona|v2-oprf-p256|phone|1".getBytes(StandardCharsets.UTF_8);

        assertThat(server.evaluate(TestKeys.INPUT, TestKeys.INFO)).isNotEqualTo(server.evaluate(TestKeys.INPUT, otherInfo));
    }

    @Test
    void finalizeWhenServerEvaluatedUnderOtherInfoThenVerifyError() {
        BlindedBatch batch = client.blind(TestKeys.INFO, TestKeys.INPUT);
        VerifiableEvaluation evaluation = server.blindEvaluate("tie-persona|v2-oprf-p256|email|2".getBytes(StandardCharsets.UTF_8),
                batch.blindedElements());

        assertThatThrownBy(() -> client.finalizeOutputs(batch, evaluation))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void finalizeWhenServerUsedAnotherKeyThenVerifyError() {
        BlindedBatch batch = client.blind(TestKeys.INFO, TestKeys.INPUT);
        VerifiableEvaluation evaluation = PoprfServer.create(TestKeys.keys(OprfMode.POPRF, 2)).blindEvaluate(TestKeys.INFO, batch.blindedElements());

        assertThatThrownBy(() -> client.finalizeOutputs(batch, evaluation))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.VERIFY));
    }

    @Test
    void blindWhenInfoMakesTweakedKeyIdentityThenInvalidInput() {
        OprfKeyPair degenerate = PoprfServerTest.keyCancelledBy(TestKeys.INFO);

        assertThatThrownBy(() -> PoprfClient.create(degenerate.publicKey()).blind(TestKeys.INFO, TestKeys.INPUT))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVALID_INPUT))
                .hasMessageContaining("identity");
    }

    @Test
    void blindWhenInfoLongerThanTwoByteLengthThenInvalidInput() {
        assertThatThrownBy(() -> client.blind(new byte[70_000], TestKeys.INPUT))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVALID_INPUT));
    }
}

package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OprfClientTest {

    private final OprfKeyPair keys = TestKeys.keys(OprfMode.OPRF, 1);
    private final OprfServer server = OprfServer.create(keys);
    private final OprfClient client = OprfClient.create();

    @Test
    void finalizeWhenServerEvaluatedBlindedInputThenOutputEqualsFullEvaluation() {
        BlindedBatch batch = client.blind(TestKeys.INPUT);

        byte[] output = client.finalizeOutput(batch, server.blindEvaluate(batch.blindedElements().get(0)));

        assertThat(output).hasSize(32).isEqualTo(server.evaluate(TestKeys.INPUT));
    }

    @Test
    void blindWhenSameInputTwiceThenBlindedElementsDifferButOutputsAgree() {
        BlindedBatch first = client.blind(TestKeys.INPUT);
        BlindedBatch second = client.blind(TestKeys.INPUT);

        assertThat(first.blindedElements()).isNotEqualTo(second.blindedElements());
        assertThat(client.finalizeOutputs(first, server.blindEvaluate(first.blindedElements())))
                .containsExactlyElementsOf(client.finalizeOutputs(second, server.blindEvaluate(second.blindedElements())));
    }

    @Test
    void blindWhenScalarSourceGivesZeroThenInverseError() {
        OprfClient zeroBlinds = OprfClient.create(FixedScalars.of(Scalar.deserialize(new byte[32])));

        assertThatThrownBy(() -> zeroBlinds.blind(TestKeys.INPUT))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVERSE));
    }

    @Test
    void blindWhenInputLongerThanTwoByteLengthThenInvalidInput() {
        assertThatThrownBy(() -> client.blind(new byte[65_536]))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVALID_INPUT))
                .hasMessageContaining("65536 bytes");
    }

    @Test
    void finalizeWhenEvaluationOfOtherSizeThenRefused() {
        BlindedBatch batch = client.blind(List.of(TestKeys.INPUT, TestKeys.OTHER_INPUT));
        List<Element> evaluated = server.blindEvaluate(batch.blindedElements());

        assertThatThrownBy(() -> client.finalizeOutputs(batch, evaluated.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 evaluated elements for 2");
    }
}

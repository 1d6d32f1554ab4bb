package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoprfServerTest {

    private final OprfKeyPair keys = TestKeys.keys(OprfMode.VOPRF, 1);

    @Test
    void blindEvaluateWhenBatchThenOneElementPerBlindedElementAndOneProof() {
        List<Element> blinded = VoprfClient.create(keys.publicKey()).blind(List.of(TestKeys.INPUT, TestKeys.OTHER_INPUT, TestKeys.INFO))
                .blindedElements();

        VerifiableEvaluation evaluation = VoprfServer.create(keys).blindEvaluate(blinded);

        assertThat(evaluation.evaluatedElements()).hasSize(3);
        assertThat(Dleq.verifyProof(Suite.of(OprfMode.VOPRF), keys.publicKey().point(), Blinding.points(blinded),
                Blinding.points(evaluation.evaluatedElements()), evaluation.proof())).isTrue();
    }

    @Test
    void blindEvaluateWhenSameBatchTwiceThenFreshProofNonces() {
        List<Element> blinded = VoprfClient.create(keys.publicKey()).blind(TestKeys.INPUT).blindedElements();
        VoprfServer server = VoprfServer.create(keys);

        assertThat(server.blindEvaluate(blinded).proof()).isNotEqualTo(server.blindEvaluate(blinded).proof());
    }

    @Test
    void blindEvaluateWhenEmptyBatchThenRefused() {
        assertThatThrownBy(() -> VoprfServer.create(keys).blindEvaluate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

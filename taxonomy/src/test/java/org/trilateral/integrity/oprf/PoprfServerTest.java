package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoprfServerTest {

    /** The key skS = -m for the info's scalar m: t = skS + m is zero, the InverseError case of RFC 9497 §3.3.3. */
    static OprfKeyPair keyCancelledBy(byte[] info) {
        return OprfKeyPair.fromPrivateKey(new Scalar(P256Group.ORDER.subtract(Suite.of(OprfMode.POPRF).infoScalar(info))));
    }

    @Test
    void blindEvaluateWhenKeyPlusInfoScalarIsZeroThenInverseError() {
        PoprfServer server = PoprfServer.create(keyCancelledBy(TestKeys.INFO));
        Element blinded = new Element(P256Group.GENERATOR);

        assertThatThrownBy(() -> server.blindEvaluate(TestKeys.INFO, blinded))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVERSE));
        assertThatThrownBy(() -> server.evaluate(TestKeys.INPUT, TestKeys.INFO))
                .isInstanceOfSatisfying(OprfException.class, e -> assertThat(e.kind()).isEqualTo(OprfException.Kind.INVERSE));
    }

    @Test
    void blindEvaluateWhenKeyCancelledByAnotherInfoThenThisInfoStillEvaluates() {
        PoprfServer server = PoprfServer.create(keyCancelledBy(TestKeys.OTHER_INPUT));

        assertThat(server.evaluate(TestKeys.INPUT, TestKeys.INFO)).hasSize(32);
    }

    @Test
    void blindEvaluateWhenInfoPreparedThenSameElementsAsUnprepared() {
        OprfKeyPair keys = TestKeys.keys(OprfMode.POPRF, 1);
        PoprfServer server = PoprfServer.create(keys);
        PoprfServer.PreparedInfo prepared = server.prepare(TestKeys.INFO);
        PoprfClient client = PoprfClient.create(keys.publicKey());
        BlindedBatch batch = client.blind(TestKeys.INFO, TestKeys.INPUT);

        VerifiableEvaluation evaluation = server.blindEvaluate(prepared, batch.blindedElements());

        assertThat(evaluation.evaluatedElements()).isEqualTo(server.blindEvaluate(TestKeys.INFO, batch.blindedElements()).evaluatedElements());
        assertThat(client.finalizeOutput(batch, evaluation)).isEqualTo(server.evaluate(TestKeys.INPUT, TestKeys.INFO));
        assertThat(prepared.toString()).contains(prepared.tweakedKey().toString());
    }

    @Test
    void blindEvaluateWhenInfoPreparedByServerWithOtherKeyThenRefused() {
        PoprfServer.PreparedInfo foreign = PoprfServer.create(TestKeys.keys(OprfMode.POPRF, 2)).prepare(TestKeys.INFO);

        assertThatThrownBy(() -> PoprfServer.create(TestKeys.keys(OprfMode.POPRF, 1)).blindEvaluate(foreign, java.util.List.of(new Element(P256Group.GENERATOR))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

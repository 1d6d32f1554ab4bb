package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OprfServerTest {

    @Test
    void evaluateWhenOtherKeyThenOtherOutput() {
        assertThat(OprfServer.create(TestKeys.keys(OprfMode.OPRF, 1)).evaluate(TestKeys.INPUT))
                .isNotEqualTo(OprfServer.create(TestKeys.keys(OprfMode.OPRF, 2)).evaluate(TestKeys.INPUT));
    }

    @Test
    void blindEvaluateWhenBlindedElementThenMultipliedByPrivateKey() {
        OprfKeyPair keys = TestKeys.keys(OprfMode.OPRF, 1);
        Element blinded = new Element(P256Group.GENERATOR);

        assertThat(OprfServer.create(keys).blindEvaluate(blinded)).isEqualTo(keys.publicKey());
    }
}

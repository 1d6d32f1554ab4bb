package org.trilateral.integrity.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OprfKeyPairTest {

    private static final byte[] SEED = new byte[32];

    @Test
    void deriveWhenSameSeedInTwoModesThenDifferentKeys() {
        byte[] info = "epoch 1".getBytes(StandardCharsets.US_ASCII);

        OprfKeyPair voprf = OprfKeyPair.derive(OprfMode.VOPRF, SEED, info);
        OprfKeyPair poprf = OprfKeyPair.derive(OprfMode.POPRF, SEED, info);

        assertThat(voprf.publicKey()).isNotEqualTo(poprf.publicKey());
        assertThat(OprfKeyPair.derive(OprfMode.POPRF, SEED, info)).isEqualTo(poprf);
    }

    @Test
    void deriveWhenDifferentInfoThenDifferentKey() {
        assertThat(OprfKeyPair.derive(OprfMode.POPRF, SEED, new byte[] {1}).publicKey())
                .isNotEqualTo(OprfKeyPair.derive(OprfMode.POPRF, SEED, new byte[] {2}).publicKey());
    }

    @Test
    void deriveWhenSeedNot32BytesThenRefused() {
        assertThatThrownBy(() -> OprfKeyPair.derive(OprfMode.POPRF, new byte[16], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void fromPrivateKeyWhenSerialisedAndReadBackThenSameKeyPair() {
        OprfKeyPair generated = OprfKeyPair.generate(ScalarSource.secure());

        OprfKeyPair readBack = OprfKeyPair.fromPrivateKey(Scalar.deserialize(generated.privateKey().serialize()));

        assertThat(readBack).isEqualTo(generated);
    }

    @Test
    void fromPrivateKeyWhenZeroThenZeroScalar() {
        assertThatThrownBy(() -> OprfKeyPair.fromPrivateKey(Scalar.deserialize(new byte[32])))
                .isInstanceOfSatisfying(InputValidationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InputValidationException.Reason.ZERO_SCALAR));
    }

    @Test
    void constructorWhenPublicKeyOfAnotherPrivateKeyThenRefused() {
        OprfKeyPair a = OprfKeyPair.generate(ScalarSource.secure());
        OprfKeyPair b = OprfKeyPair.generate(ScalarSource.secure());

        assertThatThrownBy(() -> new OprfKeyPair(a.privateKey(), b.publicKey())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenPrintedThenPrivateKeyNotShown() {
        OprfKeyPair keys = OprfKeyPair.derive(OprfMode.POPRF, SEED, new byte[0]);

        assertThat(keys.toString()).contains(keys.publicKey().toString())
                .doesNotContain(HexFormat.of().formatHex(keys.privateKey().serialize()));
    }
}

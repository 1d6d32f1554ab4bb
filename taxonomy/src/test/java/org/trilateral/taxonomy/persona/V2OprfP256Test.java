package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class V2OprfP256Test {

    private static final byte[] SEED = new byte[32];

    @Test
    void infoWhenKindAndEpochThenDocumentedUtf8String() {
        assertThat(new String(V2OprfP256.info(PersonaKind.EMAIL, new KeyEpoch(1)), StandardCharsets.UTF_8))
                .isEqualTo("tie-persona|v2-oprf-p256|email|1");
        assertThat(new String(V2OprfP256.info(PersonaKind.NAME_DOB_PASSPORT, new KeyEpoch(42)), StandardCharsets.UTF_8))
                .isEqualTo("tie-persona|v2-oprf-p256|name-dob-passport|42");
    }

    @Test
    void tokenWhenOutputThenEpochColonLowerHexAndEpochReadBack() {
        byte[] output = new byte[32];
        output[0] = (byte) 0xab;

        PersonaDigest token = V2OprfP256.token(EmailIdentifiers.normalise("a@example.com"), new KeyEpoch(7), output);

        assertThat(token.scheme()).isEqualTo("v2-oprf-p256");
        assertThat(token.digest()).isEqualTo("7:ab" + "00".repeat(31));
        assertThat(V2OprfP256.epochOf(token)).isEqualTo(new KeyEpoch(7));
    }

    @Test
    void digestFormWhenEpochMissingZeroOrUpperCaseThenRefused() {
        String hex = "ab".repeat(32);
        assertThat(new PersonaDigest(PersonaKind.EMAIL, null, V2OprfP256.NAME, "1:" + hex).digest()).startsWith("1:");
        for (String digest : new String[] {hex, "0:" + hex, "01:" + hex, "1:" + hex.toUpperCase(java.util.Locale.ROOT), "1:" + hex.substring(2), "1-" + hex}) {
            assertThatThrownBy(() -> new PersonaDigest(PersonaKind.EMAIL, null, V2OprfP256.NAME, digest)).as(digest)
                    .isInstanceOf(InvalidPersonaIdentifierException.class).hasMessageContaining("key epoch");
        }
    }

    @Test
    void deriveKeyPairWhenSameSeedThenOneKeyPerEpoch() {
        assertThat(V2OprfP256.deriveKeyPair(SEED, new KeyEpoch(1))).isEqualTo(V2OprfP256.deriveKeyPair(SEED, new KeyEpoch(1)));
        assertThat(V2OprfP256.deriveKeyPair(SEED, new KeyEpoch(1)).publicKey())
                .isNotEqualTo(V2OprfP256.deriveKeyPair(SEED, new KeyEpoch(2)).publicKey());
    }

    @Test
    void epochOfWhenV1DigestThenRefused() {
        PersonaDigest v1 = new V1Sha256().digest(EmailIdentifiers.normalise("a@example.com"));

        assertThatThrownBy(() -> V2OprfP256.epochOf(v1)).isInstanceOf(IllegalArgumentException.class);
    }
}

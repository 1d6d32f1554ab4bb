package org.trilateral.taxonomy.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class V1Sha256Test {

    @Test
    void digestWhenEmailThenSha256OfTaggedFormInLowerHex() {
        PersonaDigest digest = new V1Sha256().digest(new TaggedIdentifier(PersonaKind.EMAIL, null, "alice@example.com"));
        // sha256("tie-persona|v1|email|alice@example.com"), computed with Python hashlib.
        assertThat(digest.digest()).isEqualTo("eb26ff8695fc9125165ee9f14314c1ee502c0a5a83ad93993c4fbe031ba5d194");
        assertThat(digest.scheme()).isEqualTo("v1-sha256");
        assertThat(digest.kind()).isEqualTo(PersonaKind.EMAIL);
    }

    @Test
    void digestFormWhenUpperHexThenNotMatched() {
        assertThat(new V1Sha256().digestForm().matcher("A".repeat(64)).matches()).isFalse();
    }
}

package org.trilateral.exchange.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trilateral.exchange.support.TestStix;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SignatureReferenceTest {

    @Test
    void ofWhenSignedThenFirstSignatureAsCompactDetachedJwsWithItsKid() {
        SigningKey key = SigningKey.generate();
        ObjectNode signed = new ObjectSigner(ExchangeExtensions.OBJECT_SIGNATURE_ID, key).sign(TestStix.indicator());
        JsonNode entry = signed.get("extensions").get(ExchangeExtensions.OBJECT_SIGNATURE_ID).get("signatures").get(0);

        Optional<SignatureReference> reference = SignatureReference.of(signed);

        assertThat(reference).isPresent();
        assertThat(reference.get().kid()).contains(key.kid());
        assertThat(reference.get().compactDetached())
                .isEqualTo(entry.get("protected").stringValue() + ".." + entry.get("signature").stringValue());
    }

    @Test
    void ofWhenUnsignedThenEmpty() {
        assertThat(SignatureReference.of(TestStix.indicator())).isEmpty();
    }

    @Test
    void ofWhenProtectedHeaderUnreadableThenNoKid() {
        ObjectNode object = TestStix.indicator();
        object.putObject("extensions").putObject(ExchangeExtensions.OBJECT_SIGNATURE_ID)
                .putArray("signatures").addObject().put("protected", "%%%").put("signature", "c2ln");

        assertThat(SignatureReference.of(object)).contains(new SignatureReference(Optional.empty(), "%%%..c2ln"));
    }
}

package org.trilateral.exchange.dev;

import com.nimbusds.jose.jwk.ECKey;

/** The development identity provider's signing key, with the issuer and audience its tokens carry. */
record DevSigningKey(ECKey key, String issuerUri, String audience) {
}

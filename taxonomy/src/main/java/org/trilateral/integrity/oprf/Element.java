package org.trilateral.integrity.oprf;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An element of P-256 that is not the identity: a blinded, evaluated or public-key element. The only ways to get one
 * are {@link #deserialize(byte[])}, which validates, and the protocol's own computations. A final class rather than
 * a record so that BouncyCastle's point type stays out of the API.
 */
public final class Element {

    private final ECPoint point;
    private final byte[] encoded;

    Element(ECPoint point) {
        if (point.isInfinity()) {
            throw new IllegalStateException("the identity is not an element the protocol may use");
        }
        this.point = point.normalize();
        this.encoded = P256Group.serialize(this.point);
    }

    /**
     * DeserializeElement of RFC 9497 §4.3: exactly 33 bytes, SEC 1 compressed (prefix 0x02 or 0x03), x below p, on
     * the curve, not the identity.
     *
     * @throws InputValidationException naming what is wrong
     */
    public static Element deserialize(byte[] encoded) {
        return new Element(P256Group.deserialize(encoded));
    }

    /** SerializeElement: the 33-byte SEC 1 compressed point. */
    public byte[] serialize() {
        return encoded.clone();
    }

    ECPoint point() {
        return point;
    }

    byte[] encodedView() {
        return encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Element element && Arrays.equals(encoded, element.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** The compressed point in lower-case hex. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(encoded);
    }
}

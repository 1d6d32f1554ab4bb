package org.trilateral.integrity.jcs;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader and writer of the integrity code: it keeps what a signature or a byte-for-byte round trip
 * depends on. Numbers are read exactly (no binary floating point), duplicate member names are refused (RFC 8785
 * §3.1 requires I-JSON input, RFC 7493 §2.3), trailing content is refused and property order is kept. The STIX model
 * reads with the same mapper ({@code StixJson.mapper()}), so an object is parsed once, the same way, for validation
 * and for its signature.
 */
public final class StrictJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** Thread-safe and immutable: share it. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}

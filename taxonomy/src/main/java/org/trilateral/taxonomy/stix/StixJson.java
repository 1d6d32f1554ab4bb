package org.trilateral.taxonomy.stix;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader and writer for STIX content in every module. It keeps what a signature or a
 * byte-for-byte round trip depends on: numbers are read exactly (no binary floating point), duplicate
 * member names are refused (RFC 8785 §3.1 requires I-JSON input), and property order is kept.
 */
public final class StixJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StixJson() {
    }

    /** Thread-safe and immutable: share it. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
